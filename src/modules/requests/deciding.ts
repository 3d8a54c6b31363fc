/**
 * Deciding a request: any holder of one of its approver roles (one away is stood in for by
 * another), never the requester. Approve, with conditions and an end date; refuse, saying why;
 * or ask for more, which the requester answers. Each decision is a new row (evidence); the
 * requester is told by email. Approving an online service or a social media account may add it
 * to its register in the same transaction.
 */
import type { z } from "zod";
import type { Db, Tx } from "../../db/client.js";
import { requestEntries } from "../../db/schema.js";
import { todayInLondon } from "../../kernel/dates.js";
import { type Message, msg, verbatim } from "../../kernel/i18n/index.js";
import { badRequest, conflict, type FieldError, forbidden } from "../../kernel/problem.js";
import type { Actor } from "../access/roles.js";
import { recordEvent } from "../audit/service.js";
import { setFollowUp } from "./follow-ups.js";
import { mayDecide, tellRequester, visibleRequest } from "./making.js";
import { insertService, insertSocialAccount } from "./registers.js";
import { type DecisionInput, ServiceInput, SocialAccountInput } from "./schema.js";

const KIND = { approve: "approved", refuse: "refused", more_info: "more_info" } as const;
const AUDIT = {
  approve: { action: "request.approved" },
  refuse: { action: "request.refused" },
  more_info: { action: "request.more_info_asked" },
} as const;

function registerDetails<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const errors: FieldError[] = parsed.error.issues.map((i) => ({
    field: ["addToRegister", ...i.path].join("."),
    message: verbatim(i.message),
  }));
  throw badRequest(msg`The register's details are not complete.`, errors);
}

export async function decideRequest(
  db: Db,
  actor: Actor,
  id: string,
  input: DecisionInput,
  publicUrl: string,
) {
  const r = await visibleRequest(db, actor, id);
  if (!mayDecide(actor, r))
    throw forbidden(
      r.requesterId === actor.personId
        ? msg`You cannot decide your own request.`
        : msg`Only a holder of ${r.approverRoles.join(" or ")} decides this request.`,
    );
  if (r.status === "approved" || r.status === "refused")
    throw conflict(msg`This request was already ${r.status}.`);
  if (input.decision === "approve" && input.validUntil && input.validUntil < todayInLondon())
    throw badRequest(msg`The permission would end before today.`, [
      { field: "validUntil", message: msg`Choose today or a later day.` },
    ]);
  const register =
    input.decision === "approve" && input.addToRegister
      ? r.register === "service"
        ? { kind: "service" as const, details: registerDetails(ServiceInput, input.addToRegister) }
        : r.register === "social_account"
          ? {
              kind: "social_account" as const,
              details: registerDetails(SocialAccountInput, input.addToRegister),
            }
          : null
      : null;
  if (input.addToRegister && input.decision === "approve" && !register)
    throw badRequest(msg`This kind of request has no register to add to.`, [
      { field: "addToRegister", message: msg`Leave this out: this kind of request has no register.` },
    ]);

  return db.transaction(async (tx: Tx) => {
    const approving = input.decision === "approve";
    await tx.insert(requestEntries).values({
      schoolId: actor.schoolId,
      requestId: r.id,
      kind: KIND[input.decision],
      conditions: approving ? input.conditions || null : null,
      validUntil: approving ? (input.validUntil ?? null) : null,
      text: approving ? null : (input.reason as string),
      authorId: actor.personId,
    });
    const dueOn =
      approving && r.followUp ? await setFollowUp(tx, r.schoolId, r.id, input.validUntil ?? null) : null;
    if (register?.kind === "service") await insertService(tx, actor, register.details, { requestId: r.id });
    if (register?.kind === "social_account")
      await insertSocialAccount(
        tx,
        actor,
        register.details,
        { requestId: r.id },
        "addToRegister.administratorIds",
      );
    await recordEvent(tx, actor, {
      ...AUDIT[input.decision],
      entityType: "permission_request",
      entityId: r.id,
      summary: {
        name: r.typeName,
        onBehalfOf: r.requesterId,
        ...(approving && input.conditions ? { conditions: input.conditions } : {}),
        ...(approving && input.validUntil ? { validUntil: input.validUntil } : {}),
        ...(!approving ? { reason: input.reason } : {}),
      },
    });
    await tellRequester(tx, r, ...decisionMail(r.typeName, actor.name ?? null, input, dueOn), publicUrl);
    return { id: r.id, status: KIND[input.decision] };
  });
}

function decisionMail(
  typeName: string,
  by: string | null,
  d: DecisionInput,
  dueOn: string | null,
): [Message, (Message | string)[]] {
  if (d.decision === "refuse")
    return [
      msg`Not approved: ${typeName}`,
      [
        by
          ? msg`${by} did not approve your request (${typeName}).`
          : msg`An approver did not approve your request (${typeName}).`,
        "",
        msg`Why: ${d.reason}`,
      ],
    ];
  if (d.decision === "more_info")
    return [
      msg`More information needed: ${typeName}`,
      [
        by
          ? msg`${by} needs to know more before deciding your request (${typeName}):`
          : msg`An approver needs to know more before deciding your request (${typeName}):`,
        "",
        d.reason ?? "",
        "",
        msg`Answer in Accord and your request goes back to them.`,
      ],
    ];
  return [
    msg`Approved: ${typeName}`,
    [
      by
        ? msg`${by} approved your request (${typeName}).`
        : msg`An approver approved your request (${typeName}).`,
      ...(d.conditions ? ["", msg`Conditions: ${d.conditions}`] : []),
      ...(d.validUntil ? [msg`Allowed until ${d.validUntil}.`] : []),
      // One whole sentence (FOLLOW_UP_TEXT's words), so it translates as one.
      ...(dueOn
        ? [
            "",
            msg`Afterwards: Confirm the images were moved to school systems and deleted from the device. Do it by ${dueOn} and confirm it in Accord.`,
          ]
        : []),
    ],
  ];
}
