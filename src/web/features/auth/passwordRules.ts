// Length, not composition rules: NCSC guidance favours long passwords over forced symbols.
export const MIN_PASSWORD_LENGTH = 12;
