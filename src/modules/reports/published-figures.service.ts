import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotFoundError } from '../../common/errors/app-error';
import { Connection, SortDirection } from '../../common/pagination/connection';
import { paginate } from '../../common/pagination/keyset';
import { inTransaction } from '../../database/transaction';
import { ActorKind } from '../access/access.enums';
import { writeAudit } from '../access/audit';
import { Actor, parkScope } from '../access/principal';
import { OccupancyService } from '../occupancy/occupancy.service';
import { PublishFigureInput, PublishedFiguresArgs } from './dto/published-figure.inputs';
import { FiguresService } from './figures.service';
import { allMeasures, MeasureDefinition } from './measure-registry';
import { FigureCorrection, FigureVerification, PublishedFigure } from './published-figure.models';

interface Row {
  id: string;
  park_id: string;
  park_code: string;
  zone_id: string | null;
  zone_code: string | null;
  measure: string;
  as_of: string;
  label: string;
  note: string | null;
  value: number;
  definition: string;
  inputs: Record<string, number>;
  published_by_name: string;
  published_at: Date;
}

const SELECT = `SELECT f.id, f.park_id, p.code AS park_code, f.zone_id, z.code AS zone_code, f.measure,
       to_char(f.as_of, 'YYYY-MM-DD') AS as_of, f.label, f.note, f.value, f.definition, f.inputs,
       f.published_by_name, f.published_at
FROM published_figure f JOIN park p ON p.id = f.park_id LEFT JOIN zone z ON z.id = f.zone_id`;

/** The stored text of a definition: what it means and how it is computed. */
export const definitionText = (d: MeasureDefinition): string =>
  `${d.name}: ${d.description}\nSQL: ${d.sql}\nFROM: ${d.source.joins.replace(/\s+/g, ' ')}`;

const toModel = (r: Row): PublishedFigure => ({
  id: r.id,
  measure: r.measure,
  parkCode: r.park_code,
  zoneCode: r.zone_code,
  asOf: r.as_of,
  label: r.label,
  note: r.note,
  value: Number(r.value),
  definition: r.definition,
  inputs: Object.entries(r.inputs).map(([measure, value]) => ({ measure, value })),
  publishedBy: r.published_by_name,
  publishedAt: r.published_at,
});

/**
 * Published figures: a figure stored as published with its definition and the inputs of its source (every measure of
 * the same source, scope and date: numerators, denominators), and its verification against today's data.
 */
@Injectable()
export class PublishedFiguresService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly occupancy: OccupancyService,
    private readonly figures: FiguresService,
  ) {}

  /** Every measure of the source of `measure` on the scope and date, in one statement. */
  private async inputsOf(
    def: MeasureDefinition,
    scope: { parkId: string; zoneId: string | null },
    asOf: string,
  ): Promise<Record<string, number>> {
    const siblings = allMeasures().filter((m) => m.source === def.source);
    const [row] = await this.figures.compute({ ...scope, dates: [asOf] }, siblings, []);
    return Object.fromEntries((row?.values ?? []).map((v) => [v.measure, v.value]));
  }

  async publish(actor: Actor, input: PublishFigureInput): Promise<PublishedFigure> {
    const [def] = this.figures.definitions(actor, [input.measure], [], !!input.scope.zoneCode);
    const scope = await this.occupancy.scope(actor, input.scope.parkCode, input.scope.zoneCode);
    const inputs = await this.inputsOf(def, scope, input.asOf);
    const id = await inTransaction(this.db, async (m) => {
      const [row] = await m.query<{ id: string }[]>(
        `INSERT INTO published_figure (park_id, zone_id, measure, as_of, label, note, value, definition, inputs,
                                       published_by_id, published_by_name)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [
          scope.parkId,
          scope.zoneId,
          def.name,
          input.asOf,
          input.label,
          input.note ?? null,
          inputs[def.name] ?? 0,
          definitionText(def),
          JSON.stringify(inputs),
          actor.principal.kind === ActorKind.SYSTEM ? null : actor.principal.id,
          actor.principal.name,
        ],
      );
      await writeAudit(m, actor, [
        {
          entityType: 'PublishedFigure',
          entityId: row.id,
          parkId: scope.parkId,
          before: null,
          after: { measure: def.name, asOf: input.asOf, label: input.label, value: inputs[def.name] ?? 0 },
        },
      ]);
      return row.id;
    });
    return this.get(actor, id);
  }

  /** Batch (node/nodes): the published figures of `ids` within the caller's parks, in no order; one statement. */
  async getMany(actor: Actor, ids: readonly string[]): Promise<PublishedFigure[]> {
    const rows = await this.db.query<Row[]>(
      `${SELECT} WHERE f.id = ANY($1) AND ($2::uuid[] IS NULL OR f.park_id = ANY($2))`,
      [ids, parkScope(actor)],
    );
    return rows.map(toModel);
  }

  async get(actor: Actor, id: string): Promise<PublishedFigure> {
    return toModel(await this.row(actor, id));
  }

  private async row(actor: Actor, id: string): Promise<Row> {
    const [row] = await this.db.query<Row[]>(
      `${SELECT} WHERE f.id = $1 AND ($2::uuid[] IS NULL OR f.park_id = ANY($2))`,
      [id, parkScope(actor)],
    );
    if (!row) throw new NotFoundError('PublishedFigure', id);
    return row;
  }

  list(actor: Actor, args: PublishedFiguresArgs): Promise<Connection<PublishedFigure>> {
    const q = this.db
      .createQueryBuilder()
      .from('published_figure', 'f')
      .innerJoin('park', 'p', 'p.id = f.park_id')
      .leftJoin('zone', 'z', 'z.id = f.zone_id')
      .select(['f.id AS id', 'f.park_id AS park_id', 'p.code AS park_code', 'f.zone_id AS zone_id'])
      .addSelect(['z.code AS zone_code', 'f.measure AS measure', 'f.label AS label', 'f.note AS note'])
      .addSelect(['f.value AS value', 'f.definition AS definition', 'f.inputs AS inputs'])
      .addSelect(['f.published_by_name AS published_by_name', 'f.published_at AS published_at'])
      .addSelect("to_char(f.as_of, 'YYYY-MM-DD')", 'as_of');
    const parkIds = parkScope(actor);
    if (parkIds) q.andWhere('f.park_id = ANY(:parkIds)', { parkIds });
    if (args.parkCode) q.andWhere('p.code = :parkCode', { parkCode: args.parkCode });
    return paginate<Row, PublishedFigure>(
      q,
      {
        expression: 'f.as_of',
        key: 'as_of',
        direction: SortDirection.DESC,
        nullable: false,
        idExpression: 'f.id',
        idKey: 'id',
        cursor: { list: 'publishedFigures', order: 'AS_OF_DESC', value: 'date', id: 'uuid' },
      },
      args,
      toModel,
    );
  }

  /** Recomputes the figure now and lists the audited changes since publication that can explain a difference. */
  async verify(actor: Actor, id: string): Promise<FigureVerification> {
    const row = await this.row(actor, id);
    const [def] = this.figures.definitions(actor, [row.measure]);
    const current = await this.inputsOf(def, { parkId: row.park_id, zoneId: row.zone_id }, row.as_of);
    const currentValue = current[def.name] ?? 0;
    const corrections = await this.db.query<
      {
        id: string;
        occurred_at: Date;
        operation: string;
        entity_type: string;
        entity_id: string;
        fields: string[];
      }[]
    >(
      // A change "concerns" the date when one of its date values (before or after) is on or before asOf, or when it
      // changes an existing record without any date (a floor area, a unit made unleasable: true of every date). New
      // records without dates (an enterprise registered) change no figure by themselves.
      `WITH dated AS (
         SELECT a.id, bool_or(v.x ~ '^\\d{4}-\\d{2}-\\d{2}$') AS has_date,
                bool_or(v.x ~ '^\\d{4}-\\d{2}-\\d{2}$' AND v.x::date <= $4::date) AS date_on_or_before,
                bool_or(c->'before' <> 'null'::jsonb) AS updates
         FROM audit_log a
         CROSS JOIN LATERAL jsonb_array_elements(a.changes) c
         CROSS JOIN LATERAL (VALUES (c->>'before'), (c->>'after')) v(x)
         WHERE a.park_id = $1 AND a.occurred_at > $2 AND a.entity_type = ANY($3)
         GROUP BY a.id
       )
       SELECT a.id::text AS id, a.occurred_at, a.operation, a.entity_type, a.entity_id,
              coalesce((SELECT array_agg(c->>'field') FROM jsonb_array_elements(a.changes) c), '{}') AS fields
       FROM dated d JOIN audit_log a ON a.id = d.id
       WHERE d.date_on_or_before OR (NOT d.has_date AND d.updates)
       ORDER BY a.occurred_at, a.id
       LIMIT 100`,
      [row.park_id, row.published_at, def.source.auditedEntities, row.as_of],
    );
    const figure = toModel(row);
    return {
      figure,
      currentValue,
      difference: currentValue - figure.value,
      matches: currentValue === figure.value,
      currentInputs: Object.entries(current).map(([measure, value]) => ({ measure, value })),
      definitionChanged: definitionText(def) !== row.definition,
      corrections: corrections.map((c): FigureCorrection => ({
        auditEntryId: c.id,
        occurredAt: c.occurred_at,
        operation: c.operation,
        entityType: c.entity_type,
        entityId: c.entity_id,
        fields: c.fields,
      })),
    };
  }
}
