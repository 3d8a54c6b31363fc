import { Group, Radio, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { CATEGORIES_BY_AREA } from "./labels";

/** What kind of concern: large choices, grouped by the area of online risk, in plain words. */
export function CategoryPicker({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (category: string) => void;
  error?: string | null;
}) {
  const { t } = useTranslation();
  return (
    <Radio.Group
      value={value}
      onChange={onChange}
      label={t("incidents.report.category")}
      error={error}
      required
      withAsterisk
    >
      <Stack gap="md" mt="xs">
        {CATEGORIES_BY_AREA.map(({ area, categories }) => (
          <Stack key={area} gap={6}>
            <Title order={3} size="h5" c="dimmed">
              {t(`incidents.areas.${area}`)}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
              {categories.map((category) => (
                <Radio.Card key={category} value={category} p="sm" radius="md" withBorder>
                  <Group wrap="nowrap" align="flex-start" gap="sm">
                    <Radio.Indicator mt={2} />
                    <div>
                      <Text fw={600} size="md">
                        {t(`incidents.categories.${category}.label`)}
                      </Text>
                      <Text size="sm" c="dimmed">
                        {t(`incidents.categories.${category}.hint`)}
                      </Text>
                    </div>
                  </Group>
                </Radio.Card>
              ))}
            </SimpleGrid>
          </Stack>
        ))}
      </Stack>
    </Radio.Group>
  );
}
