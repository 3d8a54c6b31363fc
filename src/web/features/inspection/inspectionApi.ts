/** The inspector pack is a plain link: the browser fetches the ZIP with the session cookie and saves it. */
export const inspectionPackHref = "/api/v1/reports/inspection.zip";
