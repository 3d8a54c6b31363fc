import { Button, Group, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api";
import { applyFieldErrors } from "../../../ui/applyFieldErrors";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { NewTokenBox } from "./NewTokenBox";
import { tokensQueryKey } from "./tokensApi";

export function CreateTokenForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const form = useForm({
    initialValues: { name: "" },
    validate: { name: (v) => (v.trim() ? null : t("validation.required")) },
  });
  const create = useMutation({
    mutationFn: (name: string) => api.post<{ id: string; token: string }>("/api-tokens", { name }),
    onSuccess: (result, name) => {
      setCreated({ name, token: result.token });
      form.reset();
      void queryClient.invalidateQueries({ queryKey: tokensQueryKey });
    },
    onError: (error) => applyFieldErrors(form, error),
  });

  return (
    <Stack>
      {created && <NewTokenBox name={created.name} token={created.token} onDone={() => setCreated(null)} />}
      <form noValidate onSubmit={form.onSubmit(({ name }) => create.mutate(name.trim()))}>
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
