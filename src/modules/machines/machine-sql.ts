/**
 * SQL fragments shared by every list, loader and figure of machines, so that a figure and the list behind it cannot
 * disagree. Parameters are names of bound parameters or columns written by us, never client text.
 */

/** True when placement `p` has its machine in its unit on the date `date`. */
export function placedOnSql(p: string, date: string): string {
  return `(${p}.from_on <= ${date} AND (${p}.until_on IS NULL OR ${p}.until_on > ${date}))`;
}

/** The status of machine `m` at instant `at`: its latest STATUS event at or before it (null before the first). */
export function statusAtSql(m: string, at: string): string {
  return `(SELECT se.status FROM machine_event se WHERE se.machine_id = ${m}.id AND se.kind = 'STATUS' AND se.occurred_at <= ${at} ORDER BY se.occurred_at DESC LIMIT 1)`;
}

/** The runtime-hour meter of machine id `machineId` at instant `at`: its latest reading at or before it. */
export function meterAtSql(machineId: string, at: string): string {
  return `(SELECT me.meter_hours FROM machine_event me WHERE me.machine_id = ${machineId} AND me.kind = 'METER' AND me.occurred_at <= ${at} ORDER BY me.occurred_at DESC LIMIT 1)`;
}

/**
 * True when enterprise `enterpriseId` holds unit `unitId` on `date`: a tenancy in any stage but ENDED (the rule of
 * tenancies' holdsOnSql). A machine may only stand in such a unit.
 */
export function ownerHoldsSql(unitId: string, enterpriseId: string, date: string): string {
  return `EXISTS (SELECT 1 FROM tenancy ht WHERE ht.unit_id = ${unitId} AND ht.enterprise_id = ${enterpriseId}
    AND ht.starts_on <= ${date} AND (ht.ends_on IS NULL OR ht.ends_on > ${date}))`;
}
