import { Button, Group, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { applyFieldErrors } from "../../../ui/applyFieldErrors";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { NewTokenBox } from "./NewTokenBox";
import { useCreateToken } from "./tokensApi";

export function CreateTokenForm() {
  const { t } = useTranslation();
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const form = useForm({
    initialValues: { name: "" },
    validate: { name: (v) => (v.trim() ? null : t("validation.required")) },
  });
  const create = useCreateToken();

  return (
    <Stack>
      {created && <NewTokenBox name={created.name} token={created.token} onDone={() => setCreated(null)} />}
      <form
        noValidate
        onSubmit={form.onSubmit(({ name }) =>
          create.mutate(name.trim(), {
            onSuccess: (result, sent) => {
              setCreated({ name: sent, token: result.token });
              form.reset();
            },
            onError: (error) => applyFieldErrors(form, error),
          }),
        )}
      >
        <Stack>
          <ErrorAlert error={create.error} />
          <Group align="flex-end">
            <TextInput
              label={t("tokens.name")}
              description={t("tokens.nameHint")}
              required
              style={{ flex: 1, minWidth: 200 }}
              {...form.getInputProps("name")}
            />
            <Button type="submit" loading={create.isPending}>
              {t("tokens.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
