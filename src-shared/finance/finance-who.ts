/** Who is who in finance rules: `finance` holds the finance role (it reads every claim and budget, pays, keeps the settings). */
export const finance = { roles: ['finance'] } as const;
