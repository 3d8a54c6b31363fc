import { Badge, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";

export function KindBadges({ kinds }: { kinds: string[] }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      {kinds.map((kind) => (
        <Badge key={kind} color="gray" size="sm">
          {t(`people.kinds.${kind}`)}
        </Badge>
      ))}
    </Group>
  );
}
