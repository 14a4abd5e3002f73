/** An organisation of the partnership and every name it goes by in plans. */
export interface OrganisationEntry {
  name: string;
  aliases: string[];
}

export interface OrganisationDirectory {
  organisations: OrganisationEntry[];
}
