// The kind of person each audience is (as the people directory names kinds): the server's own map.
export { AUDIENCE_KIND as audienceKind } from "../../../modules/access/roles";
