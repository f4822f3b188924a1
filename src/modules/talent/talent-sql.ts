/** SQL fragments shared by the talent reads and figures (written by us, never by the client). */

/** A trainee's status on a date: its latest status event on or before it (later-recorded first on the same day). */
export const statusAtSql = (trainee: string, date: string): string =>
  `(SELECT e.status FROM trainee_status_event e WHERE e.trainee_id = ${trainee}.id AND e.effective_on <= ${date}
    ORDER BY e.effective_on DESC, e.id DESC LIMIT 1)`;

/** The columns of a trainee row that the API reads (the hash never leaves the database). */
export const TRAINEE_COLUMNS = `t.id, t.park_id, t.name, t.gender, t.birth_on::text AS birth_on, t.id_number_cipher,
  t.phone, t.home_region, t.erased_at, t.version`;

/** The statuses of a park's trainees on a date, one row per trainee (`status`): ParkOverview.talent and measures. */
export const traineeStatusesSql = (park: string, date: string): string =>
  `SELECT ${statusAtSql('tr', date)} AS status FROM trainee tr WHERE tr.park_id = ${park}`;

/** True when certification `c` is valid on the date (issued by then, not yet expired). */
export const certificationValidSql = (c: string, date: string): string =>
  `(${c}.issued_on <= ${date} AND (${c}.expires_on IS NULL OR ${c}.expires_on > ${date}))`;
