import { Box, Pagination } from "@mantine/core";
import { useTranslation } from "react-i18next";

interface Props {
  total: number;
  value: number;
  onChange: (page: number) => void;
}

/** Pagination inside a labelled nav landmark, with every control named for screen readers. */
export function PagePicker({ total, value, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <Box component="nav" aria-label={t("pagination.label")}>
      <Pagination
        total={total}
        value={value}
        onChange={onChange}
        siblings={1}
        getControlProps={(control) => ({ "aria-label": t(`pagination.${control}`) })}
        getItemProps={(page) => ({
          "aria-label": t("pagination.page", { page }),
          "aria-current": page === value ? "page" : undefined,
        })}
      />
    </Box>
  );
}
