import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ConfirmButton } from "../../../ui/ConfirmButton";
import type { LinkFormView } from "../types";
import { useAnswerByLink } from "./answerApi";

type Child = LinkFormView["children"][number];

/** Withdraw a yes: one click, one confirmation, and it applies at once. */
export function WithdrawButton({
  token,
  child,
  purpose,
  onWithdrawn,
}: {
  token: string;
  child: Child;
  purpose: Child["purposes"][number];
  onWithdrawn: (message: string) => void;
}) {
  const { t } = useTranslation();
  const withdraw = useAnswerByLink(token);
  const names = { purpose: purpose.name, name: child.name };
  return (
    <ConfirmButton
      button={{ variant: "outline", color: "red" }}
      ariaLabel={t("consent.withdraw.buttonFor", names)}
      title={t("consent.withdraw.title", names)}
      body={<Text>{t("consent.withdraw.explain", names)}</Text>}
      confirm={t("consent.withdraw.confirm")}
      confirmColor="red"
      pending={withdraw.isPending}
      error={withdraw.error}
      onConfirm={(close) =>
        withdraw.mutate(
          {
            answers: [
              {
                pupilId: child.id,
                purposeKey: purpose.key,
                answer: "no",
                wordingSha256: purpose.wordingSha256,
              },
            ],
          },
          {
            onSuccess: ({ reference }) => {
              close();
              onWithdrawn(t("consent.withdraw.done", { ...names, reference }));
            },
          },
        )
      }
    >
      {t("consent.withdraw.button")}
    </ConfirmButton>
  );
}
