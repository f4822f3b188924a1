import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { agreementInForceSql } from './agreement-sql';
import { PartnerFigures } from './agreement.models';
import { AgreementKind, InstitutionKind } from './partner.enums';

/** A park on a date. */
export const partnerFigureKey = (parkId: string, asOf: string): string => JSON.stringify([parkId, asOf]);

/** ParkOverview.partners: one SQL statement per distinct (park, date) asked in a request. */
@Injectable()
export class PartnerFiguresService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async figures(keys: readonly string[]): Promise<PartnerFigures[]> {
    const scopes = keys.map((k) => JSON.parse(k) as [string, string]);
    const rows = await this.db.query<
      {
        n: number;
        institutions: { kind: InstitutionKind; count: number }[] | null;
        agreements: { kind: AgreementKind; count: number; active: number }[] | null;
        ie_partners: number;
      }[]
    >(
      `SELECT s.n,
         (SELECT json_agg(json_build_object('kind', kind, 'count', c) ORDER BY kind)
            FROM (SELECT i.kind, count(*)::int AS c FROM institution i WHERE i.park_id = s.park_id GROUP BY i.kind) k
         ) AS institutions,
         (SELECT json_agg(json_build_object('kind', kind, 'count', c, 'active', act) ORDER BY kind)
            FROM (SELECT a.kind, count(*)::int AS c, count(*) FILTER (WHERE ${agreementInForceSql('a', 's.as_of')})::int AS act
                  FROM agreement a WHERE a.park_id = s.park_id AND a.signed_on <= s.as_of GROUP BY a.kind) k
         ) AS agreements,
         (SELECT count(DISTINCT p.institution_id)::int FROM agreement a JOIN agreement_party p ON p.agreement_id = a.id
           WHERE a.park_id = s.park_id AND a.kind = 'INDUSTRY_EDUCATION_BASE' AND p.institution_id IS NOT NULL
             AND ${agreementInForceSql('a', 's.as_of')}) AS ie_partners
       FROM unnest($1::uuid[], $2::date[]) WITH ORDINALITY AS s(park_id, as_of, n)
       ORDER BY s.n`,
      [scopes.map((s) => s[0]), scopes.map((s) => s[1])],
    );
    return rows.map((r, i) => ({
      parkId: scopes[i][0],
      asOf: scopes[i][1],
      institutionsByKind: r.institutions ?? [],
      agreementsByKind: r.agreements ?? [],
      industryEducationPartners: r.ie_partners,
    }));
  }
}
