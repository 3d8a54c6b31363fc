import { MantineProvider } from "@mantine/core";
import { createElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { MemoryRouter } from "react-router";
import { describe, expect, it } from "vitest";
import { type Column, DataTable, PhoneRows } from "./DataTable";

interface Pupil {
  id: string;
  name: string;
  form: string;
}

const pupils: Pupil[] = [
  { id: "p1", name: "Ada Lovelace", form: "7A" },
  { id: "p2", name: "Alan Turing", form: "8B" },
];

/** The table as a browser would get it, without the style tags Mantine puts first. */
const render = (table: ReactNode) =>
  renderToStaticMarkup(
    createElement(MantineProvider, null, createElement(MemoryRouter, null, table)),
  ).replace(/<style[^>]*>[\s\S]*?<\/style>/g, "");

describe("DataTable", () => {
  it("scopes every column heading, and a row heading names its row for screen readers", () => {
    const columns: Column<Pupil>[] = [
      { header: "Name", rowHeader: true, cell: (pupil) => pupil.name },
      { header: "Form", cell: (pupil) => pupil.form },
      { header: "Actions", headerHidden: true, cell: () => "Remove" },
    ];
    const html = render(createElement(DataTable<Pupil>, { rows: pupils, columns }));
    expect(html.match(/<th[^>]*scope="col"/g)).toHaveLength(3);
    expect(html).toMatch(/<th[^>]*scope="row"[^>]*>Ada Lovelace<\/th>/);
    expect(html).toMatch(/<td[^>]*>8B<\/td>/);
    // The actions heading is there for screen readers but not shown.
    expect(html).toMatch(
      /<th[^>]*scope="col"[^>]*><span class="[^"]*VisuallyHidden[^"]*">Actions<\/span><\/th>/,
    );
  });

  it("links a cell to the row's own page", () => {
    const columns: Column<Pupil>[] = [
      { header: "Name", link: (pupil) => `/people/${pupil.id}`, cell: (pupil) => pupil.name },
    ];
    const html = render(createElement(DataTable<Pupil>, { rows: pupils, columns }));
    expect(html).toMatch(/<a[^>]*href="\/people\/p2"[^>]*>Alan Turing<\/a>/);
  });

  it("shows the empty state instead of a table with no rows", () => {
    const columns: Column<Pupil>[] = [{ header: "Name", cell: (pupil) => pupil.name }];
    const html = render(createElement(DataTable<Pupil>, { rows: [], columns, empty: "Nobody yet." }));
    expect(html).toBe("Nobody yet.");
  });

  it("puts a wide table in a named region that a keyboard can scroll", () => {
    const columns: Column<Pupil>[] = [{ header: "Name", cell: (pupil) => pupil.name }];
    const html = render(
      createElement(DataTable<Pupil>, { rows: pupils, columns, scroll: { label: "Pupils", minWidth: 640 } }),
    );
    expect(html).toMatch(/role="region"[^>]*aria-label="Pupils"[^>]*tabindex="0"/);
  });

  it("on a phone, shows each row as a card: the row's name, then each value under its heading", () => {
    const columns: Column<Pupil>[] = [
      { header: "Form", cell: (pupil) => pupil.form },
      { header: "Name", rowHeader: true, cell: (pupil) => pupil.name },
      { header: "Notes", cell: () => null },
      { header: "Actions", headerHidden: true, cell: () => "Remove" },
    ];
    const html = render(createElement(PhoneRows<Pupil>, { rows: pupils, columns, rowKey: (p) => p.id }));
    expect(html).not.toContain("<table");
    const cards = html.match(/<li[^>]*>.*?<\/li>/g) ?? [];
    expect(cards).toHaveLength(2);
    expect(cards[0]).toMatch(
      /Ada Lovelace.*<dl[^>]*><div[^>]*><dt[^>]*>Form<\/dt><dd[^>]*>7A<\/dd><\/div><\/dl>.*Remove/,
    );
    // A heading with nothing under it is left out.
    expect(cards[0]).not.toContain("Notes");
  });

  it("on a phone, draws each row with the table's own card when it has one", () => {
    const columns: Column<Pupil>[] = [{ header: "Name", cell: (pupil) => pupil.name }];
    const html = render(
      createElement(PhoneRows<Pupil>, {
        rows: pupils,
        columns,
        rowKey: (p) => p.id,
        card: (pupil) => `${pupil.name}, ${pupil.form}`,
      }),
    );
    expect(html.match(/<li[^>]*>[^<]*<\/li>/g)).toEqual([
      expect.stringContaining("Ada Lovelace, 7A"),
      expect.stringContaining("Alan Turing, 8B"),
    ]);
  });
});
