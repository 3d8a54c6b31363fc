import { Paper, Progress, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatDate } from "../../ui/format";
import { RouterLink } from "../../ui/RouterLink";
import { roleList } from "../policies/roleLabel";
import type { SchoolGlance as Glance } from "./homeApi";

/**
 * The headteacher's picture of the school: each agreement's progress with its group, versions
 * waiting for approval, reviews due. Every line is a link to the page that answers it.
 */
export function SchoolGlance({ glance }: { glance: Glance }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="glance-heading">
      <Stack gap="lg">
        <Title order={2} size="h3" id="glance-heading">
          {t("home.glance.title")}
        </Title>
        <Part id="glance-agreements" title={t("home.glance.agreements")}>
          {glance.agreements.length === 0 ? (
            <Text size="sm">
              {t("home.glance.noAgreements")}{" "}
              <RouterLink to="/agreements/new" size="sm">
                {t("home.glance.makeAgreement")}
              </RouterLink>
            </Text>
          ) : (
            glance.agreements.map((a) => (
              <Stack key={a.id} gap={4} component="li">
                <RouterLink to={a.href} fw={600}>
                  {t(`agreements.audiences.${a.audience}`)} — {a.title}
                </RouterLink>
                <Text size="sm">
                  {a.visitorsThisTerm !== null
                    ? t("compliance.stat.visitorsThisTerm", { count: a.visitorsThisTerm })
                    : a.required === 0
                      ? t("home.glance.nobodyAssigned")
                      : `${
                          a.counts === "children"
                            ? t("compliance.stat.childrenCovered", {
                                covered: a.signed,
                                required: a.required,
                              })
                            : t("home.glance.signedOf", { signed: a.signed, required: a.required })
                        } · ${
                          a.outstanding === 0
                            ? t("home.glance.allSigned")
                            : t("home.glance.outstanding", { count: a.outstanding })
                        }`}
                </Text>
                {a.visitorsThisTerm === null && a.required > 0 && (
                  <Progress
                    value={(100 * a.signed) / a.required}
                    color={a.outstanding === 0 ? "teal" : "indigo"}
                    aria-label={t("home.glance.signedOf", { signed: a.signed, required: a.required })}
                  />
                )}
              </Stack>
            ))
          )}
        </Part>
        <Part id="glance-approvals" title={t("home.glance.approvals")}>
          {glance.approvals.length === 0 ? (
            <Text size="sm">{t("home.glance.noApprovals")}</Text>
          ) : (
            glance.approvals.map((v) => (
              <Stack key={v.versionId} gap={2} component="li">
                <RouterLink to={v.href} fw={600}>
                  {t("home.glance.approvalLine", { title: v.title, number: v.number })}
                </RouterLink>
                <Text size="sm">{t("home.glance.waitingFor", { roles: roleList(t, v.stillNeeded) })}</Text>
              </Stack>
            ))
          )}
        </Part>
        <Part id="glance-reviews" title={t("home.glance.reviews")}>
          {glance.reviews.length === 0 ? (
            <Text size="sm">{t("home.glance.noReviews")}</Text>
          ) : (
            glance.reviews.map((r) => (
              <Stack key={r.id} gap={2} component="li">
                <RouterLink to={r.href} fw={600}>
                  {r.title}
                </RouterLink>
                <Text size="sm" c={r.overdue ? "red.9" : undefined} fw={r.overdue ? 600 : undefined}>
                  {t(r.overdue ? "home.glance.reviewOverdue" : "home.glance.reviewDue", {
                    date: formatDate(r.due),
                  })}
                </Text>
              </Stack>
            ))
          )}
        </Part>
      </Stack>
    </Paper>
  );
}

/** One part of the glance: a heading and its lines, as a list so a screen reader counts them. */
function Part({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  const lines = Array.isArray(children);
  return (
    <Stack gap="xs" component="section" aria-labelledby={id}>
      <Title order={3} size="h5" id={id}>
        {title}
      </Title>
      {lines ? (
        <Stack gap="md" component="ul" style={{ listStyle: "none", margin: 0, padding: 0 }}>
          {children}
        </Stack>
      ) : (
        children
      )}
    </Stack>
  );
}
