import { Button, Radio, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { notifySuccess } from "../../ui/notify";
import { PageTitle } from "../../ui/PageTitle";
import { SectionLoader } from "../../ui/SectionLoader";
import { roleList } from "../policies/roleLabel";
import { QuestionField } from "./QuestionField";
import { fieldErrorsOf, useMakeRequest, useRequestTypes } from "./requestsApi";

/** Ask permission: pick what for, answer its questions, send it to whoever approves it. */
export function AskPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const types = useRequestTypes();
  const make = useMakeRequest();
  // A statement that asks permission links here with its type chosen (?type=), from the signing page.
  const [params] = useSearchParams();
  const [typeKey, setTypeKey] = useState(params.get("type") ?? "");
  const [answers, setAnswers] = useState<Record<string, string | boolean>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const type = types.data?.types.find((x) => x.key === typeKey);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!type) {
      setErrors({ typeKey: t("validation.required") });
      return;
    }
    setErrors({});
    make.mutate(
      { typeKey: type.key, details: answers },
      {
        onSuccess: ({ id }) => {
          notifySuccess(t("requests.ask.sent"));
          void navigate(`/requests/${id}`);
        },
        onError: (error) => setErrors(fieldErrorsOf(error, "details.")),
      },
    );
  };

  return (
    <Stack maw={720}>
      <PageTitle>{t("requests.ask.title")}</PageTitle>
      <Text>{t("requests.ask.intro")}</Text>
      {types.isPending && <SectionLoader />}
      <form noValidate onSubmit={submit}>
        <Stack>
          <ErrorAlert error={Object.keys(errors).length > 0 ? null : (make.error ?? types.error)} />
          <Radio.Group
            label={t("requests.ask.type")}
            required
            error={errors.typeKey}
            value={typeKey}
            onChange={(v) => {
              setTypeKey(v);
              setAnswers({});
              setErrors({});
            }}
          >
            <Stack gap="xs" mt="xs">
              {types.data?.types.map((x) => (
                <Radio key={x.key} value={x.key} label={x.name} description={x.description} />
              ))}
            </Stack>
          </Radio.Group>
          {type && (
            <>
              <Text size="sm" c="dimmed">
                {t("requests.ask.approvedBy", { roles: roleList(t, type.approverRoles) })}
              </Text>
              {type.questions.map((q) => (
                <QuestionField
                  key={q.key}
                  question={q}
                  value={answers[q.key]}
                  error={errors[q.key]}
                  onChange={(v) => setAnswers((a) => ({ ...a, [q.key]: v }))}
                />
              ))}
            </>
          )}
          <Button type="submit" loading={make.isPending} style={{ alignSelf: "flex-start" }}>
            {t("requests.ask.submit")}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
