import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { people, pupilContacts } from "../../db/schema.js";

export type SignatureFact = {
  id: string;
  personId: string | null;
  subjectId: string;
  kind: string;
  signedAt: Date;
  onBehalfOfId: string | null;
  fullName: string;
  choices: unknown;
};

/** Where a parent stands once their children are looked at. */
export type ParentCover =
  /** No child of theirs is at the school now: nothing is asked of them. */
  | { state: "no children" }
  /** One of their children has no carer's signature yet. */
  | { state: "waiting" }
  /** Every child is covered; `own` is the parent's own newest covering signature, if they gave one. */
  | { state: "covered"; own: SignatureFact | undefined; newest: SignatureFact };

const newest = (list: SignatureFact[]) =>
  [...list].sort((x, y) => y.signedAt.getTime() - x.signedAt.getTime())[0] as SignatureFact | undefined;
const signedNewest = (list: SignatureFact[]) => {
  const n = newest(list);
  return n?.kind === "signed" ? n : undefined;
};

/**
 * Parents sign per child or per family, and one carer's signature is enough for a child (or the
 * family). A child is covered when the newest record for them (per child) or, per family, the
 * newest family record of one of their carers, is a signature. A parent whose children are all
 * covered by someone else's signature is "covered", never "signed": they signed nothing, and their
 * own history says so. A family signature covers the children of the carer who gave it, so a
 * parent whose children live in two households is done when each child is covered.
 */
export async function familyCoverage(db: Db, schoolId: string, today: string, sigs: SignatureFact[]) {
  const links = await db
    .select({
      pupilId: pupilContacts.pupilId,
      contactId: pupilContacts.contactId,
      relationship: pupilContacts.relationship,
    })
    .from(pupilContacts)
    .innerJoin(people, eq(people.id, pupilContacts.pupilId))
    .where(
      and(
        eq(pupilContacts.schoolId, schoolId),
        sql`(${people.leaveDate} IS NULL OR ${people.leaveDate} > ${today})`,
      ),
    );
  const childrenOf = new Map<string, string[]>();
  const carersOf = new Map<string, { id: string; relationship: string | null }[]>();
  for (const l of links) {
    childrenOf.set(l.contactId, [...(childrenOf.get(l.contactId) ?? []), l.pupilId]);
    carersOf.set(l.pupilId, [
      ...(carersOf.get(l.pupilId) ?? []),
      { id: l.contactId, relationship: l.relationship },
    ]);
  }
  // Indexed once, so each parent's cell looks only at their own family's records.
  const forChild = new Map<string, SignatureFact[]>();
  const forFamilyBy = new Map<string, SignatureFact[]>();
  for (const s of sigs) {
    if (s.onBehalfOfId) forChild.set(s.onBehalfOfId, [...(forChild.get(s.onBehalfOfId) ?? []), s]);
    else if (s.personId) forFamilyBy.set(s.personId, [...(forFamilyBy.get(s.personId) ?? []), s]);
  }
  const on = (list: SignatureFact[] = [], agreementIds: string[]) =>
    list.filter((s) => agreementIds.includes(s.subjectId));

  /** The signature covering a child, if any. */
  function coveringChild(child: string, mode: string, agreementIds: string[]) {
    if (mode !== "per_family") return signedNewest(on(forChild.get(child), agreementIds));
    // Per family, a carer's family signature covers the child; so does a printed form, which the
    // office always records for one child (paper-forms.ts in signing).
    return newest(
      [
        ...(carersOf.get(child) ?? []).map((c) => signedNewest(on(forFamilyBy.get(c.id), agreementIds))),
        signedNewest(on(forChild.get(child), agreementIds)),
      ].filter((s): s is SignatureFact => s !== undefined),
    );
  }
  /** The parent's own signature for a child (or their family), if it is their newest word. */
  function ownFor(parentId: string, child: string, mode: string, agreementIds: string[]) {
    const mine =
      mode === "per_family"
        ? on(forFamilyBy.get(parentId), agreementIds)
        : on(forChild.get(child), agreementIds).filter((s) => s.personId === parentId);
    return signedNewest(mine);
  }

  return {
    childrenOf: (parentId: string) => childrenOf.get(parentId) ?? [],
    carersOf: (child: string) => carersOf.get(child) ?? [],
    coveringChild,
    parent(parentId: string, mode: string, agreementIds: string[]): ParentCover {
      const children = childrenOf.get(parentId);
      if (!children?.length) return { state: "no children" };
      const covering = children.map((c) => coveringChild(c, mode, agreementIds));
      if (!covering.every(Boolean)) return { state: "waiting" };
      const own = newest(
        children
          .map((c) => ownFor(parentId, c, mode, agreementIds))
          .filter((s): s is SignatureFact => s !== undefined),
      );
      return { state: "covered", own, newest: newest(covering as SignatureFact[])! };
    },
  };
}
