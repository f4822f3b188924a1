import { AGING_SQL } from '../src/modules/contracts/rent-sql';
import { createServer } from 'node:http';
import { Pool } from 'pg';

/**
 * The raw limit: one hand-written SQL statement per scenario that builds the whole JSON answer in PostgreSQL
 * (json_agg), sent through `pg` from a minimal HTTP server. POST /<scenario> with a JSON array of parameters.
 * Nothing here is checked or authorised: it is the floor of what any API over this database can cost.
 * Env: DATABASE_URL, PORT, POOL_SIZE (20).
 */
const TODAY = `(now() AT TIME ZONE 'Asia/Shanghai')::date`;

const STAGE = (t: string, d: string) =>
  `CASE WHEN ${t}.ends_on <= ${d} THEN 'ENDED' WHEN ${t}.starts_on > ${d} THEN NULL
        WHEN ${t}.operating_from <= ${d} THEN 'OPERATING' WHEN ${t}.fitting_out_from <= ${d} THEN 'FITTING_OUT'
        ELSE 'RESERVED' END`;

const OVERVIEW = `(SELECT json_build_object(
     'totalUnits', count(*), 'totalArea', coalesce(sum(u.floor_area), 0),
     'occupiedUnits', count(t.id) FILTER (WHERE t.operating_from <= $3 OR t.fitting_out_from <= $3),
     'occupiedArea', coalesce(sum(u.floor_area) FILTER (WHERE t.operating_from <= $3 OR t.fitting_out_from <= $3), 0),
     'occupiedEnterprises', count(DISTINCT t.enterprise_id) FILTER (WHERE t.operating_from <= $3 OR t.fitting_out_from <= $3),
     'operatingUnits', count(t.id) FILTER (WHERE t.operating_from <= $3),
     'operatingEnterprises', count(DISTINCT t.enterprise_id) FILTER (WHERE t.operating_from <= $3),
     'reservedUnits', count(t.id) FILTER (WHERE NOT coalesce(t.operating_from <= $3 OR t.fitting_out_from <= $3, false)),
     'vacantUnits', count(*) - count(t.id))
   FROM unit u
   LEFT JOIN tenancy t ON t.unit_id = u.id AND t.starts_on <= $3 AND (t.ends_on IS NULL OR t.ends_on > $3)
   WHERE u.leasable AND u.park_id = (SELECT id FROM park WHERE code = $1)
     AND ($2::text IS NULL OR u.zone_id = (SELECT z.id FROM zone z JOIN park p ON p.id = z.park_id WHERE p.code = $1 AND z.code = $2)))`;

/**
 * S8: machines standing in a unit of the zone on $3, with their status at the end of that park day (the latest
 * STATUS event at or before it), the first 100 by serial number, and the zone's installed and by-status counts.
 */
const S8 = `WITH placed AS MATERIALIZED (
       SELECT m.serial_number, m.type, un.code AS unit_code, e.name AS owner_name,
              (SELECT se.status FROM machine_event se WHERE se.machine_id = m.id AND se.kind = 'STATUS'
                 AND se.occurred_at <= (($3::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai') - interval '1 microsecond'
               ORDER BY se.occurred_at DESC LIMIT 1) AS status
       FROM machine_placement p JOIN unit un ON un.id = p.unit_id JOIN zone z ON z.id = un.zone_id
       JOIN machine m ON m.id = p.machine_id JOIN enterprise e ON e.id = m.owner_enterprise_id
       WHERE p.park_id = (SELECT id FROM park WHERE code = $1) AND z.code = $2
         AND p.from_on <= $3::date AND (p.until_on IS NULL OR p.until_on > $3::date))
     SELECT json_build_object('data', json_build_object(
       'machines', (SELECT coalesce(json_agg(json_build_object('serialNumber', x.serial_number, 'type', x.type,
                      'status', x.status, 'unit', json_build_object('code', x.unit_code),
                      'owner', json_build_object('name', x.owner_name)) ORDER BY x.serial_number), '[]')
                    FROM (SELECT * FROM placed ORDER BY serial_number LIMIT 100) x),
       'parkOverview', (SELECT json_build_object(
                          'installedMachines', coalesce(sum(c.n) FILTER (WHERE c.status IS DISTINCT FROM 'DECOMMISSIONED'), 0),
                          'machinesByStatus', coalesce(json_agg(json_build_object('status', c.status, 'count', c.n)
                                                ORDER BY c.status NULLS LAST), '[]'))
                        FROM (SELECT status, count(*) AS n FROM placed GROUP BY status) c)))`;

/**
 * S9: the park's first 100 leads by name with events, stage history and enterprise, and the partner and recruitment
 * figures on $2 (the same definitions as the API's: in force = signed, started, not ended, not terminated).
 */
const S9 = `WITH p AS (SELECT id FROM park WHERE code = $1)
     SELECT json_build_object('data', json_build_object(
       'leads', (SELECT coalesce(json_agg(json_build_object('name', l.name, 'stage', l.stage,
                   'events', (SELECT coalesce(json_agg(json_build_object('title', ev.title, 'kind', ev.kind) ORDER BY ev.held_on, ev.id), '[]')
                              FROM lead_event le JOIN recruitment_event ev ON ev.id = le.event_id WHERE le.lead_id = l.id),
                   'stageHistory', (SELECT json_agg(json_build_object('stage', s.stage, 'effectiveOn', s.effective_on) ORDER BY s.effective_on, s.stage)
                                    FROM lead_stage_event s WHERE s.lead_id = l.id),
                   'enterprise', (SELECT json_build_object('name', e.name) FROM enterprise e WHERE e.id = l.enterprise_id))
                   ORDER BY l.name, l.id), '[]')
                 FROM (SELECT * FROM lead WHERE park_id = (SELECT id FROM p) ORDER BY name, id LIMIT 100) l),
       'parkOverview', json_build_object(
         'partners', json_build_object(
           'industryEducationPartners', (SELECT count(DISTINCT ap.institution_id) FROM agreement a
              JOIN agreement_party ap ON ap.agreement_id = a.id
              WHERE a.park_id = (SELECT id FROM p) AND a.kind = 'INDUSTRY_EDUCATION_BASE' AND a.signed_on <= $2::date
                AND a.starts_on <= $2::date AND (a.ends_on IS NULL OR a.ends_on >= $2::date)
                AND (a.terminated_on IS NULL OR a.terminated_on > $2::date)),
           'agreementsByKind', (SELECT json_agg(json_build_object('kind', k.kind, 'count', k.c, 'active', k.act) ORDER BY k.kind)
              FROM (SELECT a.kind, count(*) AS c, count(*) FILTER (WHERE a.starts_on <= $2::date
                      AND (a.ends_on IS NULL OR a.ends_on >= $2::date) AND (a.terminated_on IS NULL OR a.terminated_on > $2::date)) AS act
                    FROM agreement a WHERE a.park_id = (SELECT id FROM p) AND a.signed_on <= $2::date GROUP BY a.kind) k)),
         'recruitment', json_build_object(
           'eventsByKind', (SELECT json_agg(json_build_object('kind', k.kind, 'count', k.c) ORDER BY k.kind)
              FROM (SELECT kind, count(*) AS c FROM recruitment_event WHERE park_id = (SELECT id FROM p) AND held_on <= $2::date
                    GROUP BY kind) k),
           'leadsByStage', (SELECT json_agg(json_build_object('stage', k.stage, 'count', k.c) ORDER BY k.stage)
              FROM (SELECT st.stage, count(*) AS c FROM lead l
                    CROSS JOIN LATERAL (SELECT s.stage FROM lead_stage_event s WHERE s.lead_id = l.id AND s.effective_on <= $2::date
                                        ORDER BY s.effective_on DESC, s.stage DESC LIMIT 1) st
                    WHERE l.park_id = (SELECT id FROM p) GROUP BY st.stage) k)))))`;

/**
 * S10: the park's people with their status on $2 (latest status event on or before it), the first 100 IN_PARK by name
 * with their cohorts, and the talent figures (statuses, certificates valid on $2 by level, finalists).
 */
const S10 = `WITH st AS MATERIALIZED (
       SELECT t.id, t.name, t.phone,
              (SELECT e.status FROM trainee_status_event e WHERE e.trainee_id = t.id AND e.effective_on <= $2::date
               ORDER BY e.effective_on DESC, e.id DESC LIMIT 1) AS status
       FROM trainee t WHERE t.park_id = (SELECT id FROM park WHERE code = $1))
     SELECT json_build_object('data', json_build_object(
       'trainees', (SELECT coalesce(json_agg(json_build_object('name', x.name, 'phone', x.phone, 'status', x.status,
                      'cohorts', (SELECT coalesce(json_agg(json_build_object('code', c.code) ORDER BY c.intake_on, c.code), '[]')
                                  FROM cohort_trainee ct JOIN cohort c ON c.id = ct.cohort_id WHERE ct.trainee_id = x.id))
                      ORDER BY x.name, x.id), '[]')
                    FROM (SELECT * FROM st WHERE status = 'IN_PARK' ORDER BY name, id LIMIT 100) x),
       'talent', json_build_object(
         'traineesEnrolled', (SELECT count(*) FROM st WHERE status IN ('ENROLLED', 'IN_TRAINING', 'IN_PARK', 'GRADUATED', 'PLACED')),
         'traineesByStatus', (SELECT coalesce(json_agg(json_build_object('status', s.status, 'count', s.n) ORDER BY s.status), '[]')
                              FROM (SELECT status, count(*) AS n FROM st WHERE status IS NOT NULL GROUP BY status) s),
         'certifiedByLevel', (SELECT coalesce(json_agg(json_build_object('level', l.level, 'count', l.n) ORDER BY l.level), '[]')
                              FROM (SELECT c.level, count(DISTINCT c.trainee_id) AS n FROM certification c
                                    WHERE c.park_id = (SELECT id FROM park WHERE code = $1) AND c.issued_on <= $2::date
                                      AND (c.expires_on IS NULL OR c.expires_on > $2::date) GROUP BY c.level) l),
         'contestFinalists', (SELECT count(*) FROM contest_entry ce JOIN contest k ON k.id = ce.contest_id
                              WHERE ce.park_id = (SELECT id FROM park WHERE code = $1) AND ce.recommended
                                AND k.starts_on <= $2::date))))`;

/**
 * S11/S12: receivables aging, the API's own statement (src/modules/contracts/rent-sql.ts) with the park ($1) and zone
 * ($2, or null) looked up by code, answered in the API's shape (amounts as decimal strings with two places).
 */
const MONEY = (x: string) => `to_char(${x}, 'FM999999999990.00')`;
const BUCKETS = (r: string) =>
  `json_build_object('days0to30', ${MONEY(`${r}.d0`)}, 'days31to60', ${MONEY(`${r}.d31`)}, 'days61to90', ${MONEY(`${r}.d61`)}, 'over90', ${MONEY(`${r}.d90`)}, 'total', ${MONEY(`${r}.total`)})`;
const S11 = `WITH s AS MATERIALIZED (
       SELECT p.id AS park_id, (SELECT z.id FROM zone z WHERE z.park_id = p.id AND z.code = $2) AS zone_id
       FROM park p WHERE p.code = $1
     )
     SELECT json_build_object('data', json_build_object('receivablesAging', json_build_object(
       'totals', json_build_object('days0to30', ${MONEY('coalesce(sum(r.d0), 0)')}, 'days31to60', ${MONEY('coalesce(sum(r.d31), 0)')},
                   'days61to90', ${MONEY('coalesce(sum(r.d61), 0)')}, 'over90', ${MONEY('coalesce(sum(r.d90), 0)')},
                   'total', ${MONEY('coalesce(sum(r.total), 0)')}),
       'rows', coalesce(json_agg(json_build_object('enterpriseId', r.enterprise_id, 'enterpriseName', r.enterprise_name,
                 'buckets', ${BUCKETS('r')}) ORDER BY r.total DESC, r.enterprise_name), '[]'))))
     FROM (${AGING_SQL.replace(/\$1/g, '(SELECT park_id FROM s)')
       .replace(/\$2::uuid/g, '(SELECT zone_id FROM s)')
       .replace(/\$2/g, '(SELECT zone_id FROM s)')}) r`;

export const RAW_SQL: Record<string, string> = {
  s1: `SELECT json_build_object('data', coalesce(json_agg(json_build_object(
         'code', u.code, 'floorArea', u.floor_area,
         'tenancies', (SELECT coalesce(json_agg(json_build_object('stage', ${STAGE('t', 'd.today')},
                        'startsOn', t.starts_on, 'enterprise', json_build_object('name', e.name, 'creditCode', e.credit_code))
                        ORDER BY t.starts_on), '[]')
                       FROM tenancy t JOIN enterprise e ON e.id = t.enterprise_id WHERE t.unit_id = u.id))
         ORDER BY u.code), '[]'))
       FROM (SELECT un.id, un.code, un.floor_area FROM unit un
             JOIN zone z ON z.id = un.zone_id JOIN park p ON p.id = z.park_id
             WHERE p.code = $1 AND z.code = $2 ORDER BY un.code LIMIT 100) u
       CROSS JOIN (SELECT ${TODAY} AS today) d`,
  s2: `SELECT json_build_object('data', (SELECT json_build_object('code', u.code, 'floorArea', u.floor_area,
         'zone', json_build_object('name', z.name), 'park', json_build_object('name', p.name))
       FROM unit u JOIN park p ON p.id = u.park_id JOIN zone z ON z.id = u.zone_id
       WHERE p.code = $1 AND u.code = $2))`,
  s3: `SELECT json_build_object('data', ${OVERVIEW})`,
  s4: `SELECT json_build_object('data', json_build_object(
         'edges', coalesce(json_agg(json_build_object('cursor', u.code, 'node',
           json_build_object('code', u.code, 'floorArea', u.floor_area, 'kind', u.kind)) ORDER BY u.code)
           FILTER (WHERE u.n <= 10), '[]'),
         'hasNextPage', count(*) > 10))
       FROM (SELECT un.code, un.floor_area, un.kind, row_number() OVER (ORDER BY un.code) AS n FROM unit un
             JOIN zone z ON z.id = un.zone_id JOIN park p ON p.id = z.park_id
             WHERE p.code = $1 AND z.code = $2 AND ($3::text IS NULL OR un.code > $3)
             ORDER BY un.code LIMIT 11) u`,
  s7: `SELECT json_build_object('data', json_build_object(
         'overview', ${OVERVIEW},
         'trend', (SELECT json_agg(json_build_object('date', x.d, 'occupiedUnits', x.occupied, 'operatingUnits', x.operating) ORDER BY x.d)
           FROM (SELECT p.d,
                        count(t.id) FILTER (WHERE t.operating_from <= p.d OR t.fitting_out_from <= p.d) AS occupied,
                        count(t.id) FILTER (WHERE t.operating_from <= p.d) AS operating
                 FROM (SELECT least((m + interval '1 month - 1 day')::date, $5::date) AS d
                       FROM generate_series(date_trunc('month', $4::date::timestamp), $5::date::timestamp, interval '1 month') m) p
                 LEFT JOIN (tenancy t JOIN unit u ON u.id = t.unit_id AND u.leasable
                            AND u.park_id = (SELECT id FROM park WHERE code = $1))
                   ON t.starts_on <= p.d AND (t.ends_on IS NULL OR t.ends_on > p.d)
                 GROUP BY p.d) x)))`,
  s8: S8,
  s9: S9,
  s10: S10,
  s11: S11,
};

function main(): void {
  const pool = new Pool({
    connectionString: process.env.DATABASE_URL,
    max: Number(process.env.POOL_SIZE ?? 20),
    application_name: 'bench-raw',
  });
  const server = createServer((req, res) => {
    const sql = RAW_SQL[(req.url ?? '').slice(1)];
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (!sql) {
        res.writeHead(404).end();
        return;
      }
      const params = JSON.parse(Buffer.concat(chunks).toString() || '[]') as unknown[];
      pool.query<{ json_build_object: unknown }>(sql, params).then(
        (result) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify(result.rows[0]?.json_build_object ?? null));
        },
        (error: Error) => {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ errors: [{ message: error.message }] }));
        },
      );
    });
  });
  server.keepAliveTimeout = 65_000;
  server.listen(Number(process.env.PORT ?? 5200), '127.0.0.1', () => {
    process.stdout.write(`raw peer listening on ${process.env.PORT}\n`);
  });
  process.on('SIGTERM', () => server.close(() => void pool.end().then(() => process.exit(0))));
}

if (require.main === module) main();
