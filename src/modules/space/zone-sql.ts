/**
 * SQL condition: the zone id in `column` is the zone of code `:zoneCode`, in park `:parkCode` when `withPark`.
 *
 * With the park it is one equality (zone codes are unique per park), so an index that leads with zone_id yields rows
 * in order and a list's scan stops at its limit; and a prepared statement's generic plan, made without the values,
 * still sees a single zone (`IN` or `($x IS NULL OR …)` there read the whole zone or every placement of the park).
 * Without the park: that zone code in every park.
 */
export function zoneCodeSql(column: string, withPark: boolean): string {
  return withPark
    ? `${column} = (SELECT z.id FROM zone z JOIN park zp ON zp.id = z.park_id WHERE zp.code = :parkCode AND z.code = :zoneCode)`
    : `${column} IN (SELECT z.id FROM zone z WHERE z.code = :zoneCode)`;
}
