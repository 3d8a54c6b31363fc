import { Anchor, Badge, Group, Text, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type Duty, dutiesIn } from "../../../modules/policies/duties";
import { useRequestTypes } from "../requests/requestsApi";
import type { TypeView } from "../requests/types";
import { can } from "../session/me";
import { useMe } from "../session/sessionApi";
import { roleLabel } from "./roleLabel";

/**
 * Who is looking at the statements: a signer is shown the way to do what a statement asks of them
 * (ask permission, report a concern, see what they must hand back); the policy's editor is shown
 * which statements become duties and, for a permission, whether a request type offers it.
 */
export type DutiesFor = "signer" | "editor";

/** Links and notes beside one statement; nothing when it carries no duty or the reader may not act. */
export function StatementDuties({ statement, for: reader }: { statement: string; for: DutiesFor }) {
  const duties = dutiesIn(statement);
  if (duties.length === 0) return null;
  return reader === "signer" ? (
    <SignerLinks duties={duties} statement={statement} />
  ) : (
    <EditorNotes duties={duties} statement={statement} />
  );
}

/**
 * The type a permission statement is asked through, if the school still uses it: the type of its
 * topic, or one offered from this very statement (the editor's link below puts it in the description).
 */
function typeFor(
  duty: Extract<Duty, { kind: "ask_permission" }>,
  statement: string,
  types: TypeView[] | undefined,
) {
  const live = types?.filter((x) => !x.retired) ?? [];
  return (
    live.find((x) => x.key === duty.requestTypeKey) ??
    live.find((x) => x.description.trim() === statement.trim())
  );
}

function SignerLinks({ duties, statement }: { duties: Duty[]; statement: string }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const mayAsk = can(me, "requests.make");
  const types = useRequestTypes(false, mayAsk);
  const links = duties.flatMap((duty) => {
    if (duty.kind === "ask_permission" && mayAsk) {
      // The ask page chooses the type when the school still uses it, and asks the signer otherwise.
      const key = typeFor(duty, statement, types.data?.types)?.key ?? duty.requestTypeKey;
      return [
        {
          key: "ask",
          to: key ? `/requests/new?type=${encodeURIComponent(key)}` : "/requests/new",
          label: t("duties.signer.ask", { approver: roleLabel(t, duty.approverRole) }),
        },
      ];
    }
    if (duty.kind === "report_concern" && can(me, "incidents.report"))
      return [{ key: "report", to: "/incidents/report", label: t("duties.signer.report") }];
    if (duty.kind === "return_equipment" && can(me, "devices.mine"))
      return [{ key: "return", to: "/devices/mine", label: t("duties.signer.devices") }];
    return [];
  });
  if (links.length === 0) return null;
  return (
    <Group gap="md" mt={4}>
      {links.map((l) => (
        // A new tab, so a signer half way through (a drawn signature, ticked boxes) loses nothing.
        <Anchor key={l.key} component={Link} to={l.to} target="_blank" rel="noopener" size="sm">
          {l.label}
          <VisuallyHidden> {t("duties.newTab")}</VisuallyHidden>
        </Anchor>
      ))}
    </Group>
  );
}

function EditorNotes({ duties, statement }: { duties: Duty[]; statement: string }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const mayEditTypes = can(me, "requests.types");
  const types = useRequestTypes(true, mayEditTypes);
  return (
    <Group gap="xs" mt={4} wrap="wrap">
      {duties.map((duty) => {
        if (duty.kind === "report_concern")
          return (
            <Badge key="report" variant="light" color="red" tt="none">
              {t("duties.editor.report")}
            </Badge>
          );
        if (duty.kind === "return_equipment")
          return (
            <Badge key="return" variant="light" color="grape" tt="none">
              {t("duties.editor.return")}
            </Badge>
          );
        const approver = roleLabel(t, duty.approverRole);
        const type = typeFor(duty, statement, types.data?.types);
        const approvesIt = type?.approverRoles.includes(duty.approverRole);
        return (
          <Group key="ask" gap="xs" wrap="wrap">
            <Badge variant="light" color="blue" tt="none">
              {t("duties.editor.ask", { approver })}
            </Badge>
            {type && (
              <Text size="sm">
                {approvesIt
                  ? t("duties.editor.offeredAs", { type: type.name })
                  : t("duties.editor.otherApprover", { type: type.name, approver })}
              </Text>
            )}
            {mayEditTypes && (!type || !approvesIt) && (
              <Anchor
                component={Link}
                size="sm"
                to={`/requests/types?${new URLSearchParams({ approver: duty.approverRole, description: statement }).toString()}`}
              >
                {t("duties.editor.offer", { approver })}
              </Anchor>
            )}
          </Group>
        );
      })}
    </Group>
  );
}
