import { Badge, Tabs } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ImportReport } from "./importApi";
import { LeaversList } from "./LeaversList";
import { NewPeopleTable } from "./NewPeopleTable";
import { RowErrorsTable } from "./RowErrorsTable";
import { UpdatesList } from "./UpdatesList";

/** Who is added, changed and leaving, and which rows cannot be read. Errors come first when there are any. */
export function PreviewTabs({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const tabs = [
    { key: "create", count: report.created, color: "indigo" },
    { key: "update", count: report.updated, color: "indigo" },
    { key: "leavers", count: report.leavers, color: "orange" },
    { key: "errors", count: report.errors.length, color: "red" },
  ];
  const first = report.errors.length > 0 ? "errors" : (tabs.find((tab) => tab.count > 0)?.key ?? "create");
  return (
    <Tabs defaultValue={first} keepMounted={false}>
      <Tabs.List>
        {tabs.map((tab) => (
          <Tabs.Tab
            key={tab.key}
            value={tab.key}
            rightSection={
              <Badge color={tab.count > 0 ? tab.color : "gray"} size="sm" circle={tab.count < 10}>
                {tab.count}
              </Badge>
            }
          >
            {t(`import.tabs.${tab.key}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      <Tabs.Panel value="create" pt="md">
        <NewPeopleTable report={report} />
      </Tabs.Panel>
      <Tabs.Panel value="update" pt="md">
        <UpdatesList report={report} />
      </Tabs.Panel>
      <Tabs.Panel value="leavers" pt="md">
        <LeaversList report={report} />
      </Tabs.Panel>
      <Tabs.Panel value="errors" pt="md">
        <RowErrorsTable errors={report.errors} />
      </Tabs.Panel>
    </Tabs>
  );
}
