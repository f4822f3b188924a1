import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { manyByKey, oneByKey } from '../../common/batch';
import { updateVersioned } from '../../common/entities/versioned-update';
import { PG_UNIQUE_VIOLATION, pgError } from '../../common/errors/pg-errors';
import { Connection, SortDirection } from '../../common/pagination/connection';
import { KeysetSort, paginate } from '../../common/pagination/keyset';
import { inTransaction } from '../../database/transaction';
import { writeAudit } from '../access/audit';
import { Actor, parkScope } from '../access/principal';
import { requireParkId } from '../space/park-scope';
import { InstitutionListArgs, InstitutionOrderField } from './dto/institution-list.args';
import {
  CreateInstitutionInput,
  InstitutionContactInput,
  UpdateInstitutionInput,
} from './dto/institution.inputs';
import {
  InstitutionContactRow,
  InstitutionRow,
  toInstitution,
  toInstitutionContact,
} from './institution.mapper';
import { Institution, InstitutionContact } from './institution.model';
import { PartnerErrors } from './partners.errors';

const ORDER: Record<InstitutionOrderField, { sql: string; value: 'text' }> = {
  [InstitutionOrderField.NAME]: { sql: 'i.name', value: 'text' },
  [InstitutionOrderField.KIND]: { sql: 'i.kind::text', value: 'text' },
};

/**
 * The partner register: institutions and their contacts. Other modules (talent: cohorts of a college) find
 * institutions through `byIds` and `byNames`, and link to them with an (institution_id, park_id) foreign key.
 */
@Injectable()
export class InstitutionsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Batch by id, in key order (null where none): the per-request loader's batch function. */
  async byIds(ids: readonly string[]): Promise<(Institution | null)[]> {
    const rows = await this.db.query<InstitutionRow[]>('SELECT * FROM institution WHERE id = ANY($1)', [ids]);
    return oneByKey(ids, rows, (r) => r.id, toInstitution);
  }

  /** Institutions of one park by their exact Chinese names, in key order (null where none). */
  async byNames(parkId: string, names: readonly string[], m: EntityManager = this.db.manager) {
    const rows = await m.query<InstitutionRow[]>(
      'SELECT * FROM institution WHERE park_id = $1 AND name = ANY($2)',
      [parkId, names],
    );
    return oneByKey(names, rows, (r) => r.name, toInstitution);
  }

  /** Contacts per institution id, in their order. */
  async contactsOf(ids: readonly string[]): Promise<InstitutionContact[][]> {
    const rows = await this.contactRows(this.db.manager, ids);
    return manyByKey(ids, rows, (r) => r.institution_id, toInstitutionContact);
  }

  private contactRows(m: EntityManager, ids: readonly string[]): Promise<InstitutionContactRow[]> {
    return m.query<InstitutionContactRow[]>(
      'SELECT * FROM institution_contact WHERE institution_id = ANY($1) ORDER BY institution_id, position',
      [ids],
    );
  }

  /** One institution in the actor's parks, or null (also when it exists in another park). */
  async find(actor: Actor, id: string): Promise<Institution | null> {
    const [row] = await this.db.query<InstitutionRow[]>(
      'SELECT * FROM institution WHERE id = $1 AND ($2::uuid[] IS NULL OR park_id = ANY($2))',
      [id, parkScope(actor)],
    );
    return row ? toInstitution(row) : null;
  }

  async list(actor: Actor, args: InstitutionListArgs): Promise<Connection<Institution>> {
    const f = args.filter ?? {};
    const field = args.orderBy?.field ?? InstitutionOrderField.NAME;
    const direction = args.orderBy?.direction ?? SortDirection.ASC;
    const sort: KeysetSort = {
      expression: ORDER[field].sql,
      key: 'sort_key',
      direction,
      nullable: false,
      idExpression: 'i.id',
      idKey: 'id',
      cursor: { list: 'institutions', order: `${field}_${direction}`, value: ORDER[field].value, id: 'uuid' },
    };
    const q = this.db
      .createQueryBuilder()
      .from('institution', 'i')
      .select('i.*')
      .addSelect(sort.expression, 'sort_key');
    const parkIds = parkScope(actor);
    if (parkIds) q.andWhere('i.park_id = ANY(:scopeParkIds)', { scopeParkIds: parkIds });
    if (f.parkCode)
      q.andWhere('i.park_id = (SELECT id FROM park WHERE code = :parkCode)', { parkCode: f.parkCode });
    if (f.nameContains) {
      q.andWhere(
        "(i.name ILIKE '%' || :name || '%' ESCAPE '\\' OR i.name_en ILIKE '%' || :name || '%' ESCAPE '\\')",
        { name: f.nameContains.replace(/[\\%_]/g, (c) => `\\${c}`) },
      );
    }
    if (f.kind) q.andWhere('i.kind = :kind', { kind: f.kind });
    return paginate<InstitutionRow & { sort_key: unknown }, Institution>(q, sort, args, toInstitution);
  }

  async create(actor: Actor, input: CreateInstitutionInput): Promise<Institution> {
    try {
      return await inTransaction(this.db, (m) => this.createIn(m, actor, input));
    } catch (error) {
      throw this.translate(error, input.name);
    }
  }

  /**
   * The creation itself, inside the caller's transaction (the spreadsheet import adds institutions this way); the
   * caller passes what it catches to translate.
   */
  async createIn(m: EntityManager, actor: Actor, input: CreateInstitutionInput): Promise<Institution> {
    const parkId = await requireParkId(m, actor, input.parkCode);
    const [row] = await m.query<InstitutionRow[]>(
      `INSERT INTO institution (park_id, name, name_en, kind, region) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
      [parkId, input.name, input.nameEn ?? null, input.kind, input.region ?? null],
    );
    const contacts = await this.replaceContacts(m, row.id, input.contacts ?? []);
    await writeAudit(m, actor, [
      { entityType: 'Institution', entityId: row.id, parkId, before: null, after: { ...row, contacts } },
    ]);
    return toInstitution(row);
  }

  async update(actor: Actor, input: UpdateInstitutionInput): Promise<Institution> {
    try {
      return await inTransaction(this.db, async (m) => {
        const { before, after } = await updateVersioned<InstitutionRow>(m, {
          table: 'institution',
          label: 'Institution',
          id: input.id,
          version: input.version,
          parkIds: parkScope(actor),
          columns: { name: input.name, name_en: input.nameEn, kind: input.kind, region: input.region },
        });
        // The contact list is part of the record in the audit trail when it changes.
        const contacts = input.contacts
          ? {
              before: { contacts: (await this.contactRows(m, [after.id])).map(toInstitutionContact) },
              after: { contacts: await this.replaceContacts(m, after.id, input.contacts) },
            }
          : { before: {}, after: {} };
        await writeAudit(m, actor, [
          {
            entityType: 'Institution',
            entityId: after.id,
            parkId: after.park_id,
            before: { ...before, ...contacts.before },
            after: { ...after, ...contacts.after },
          },
        ]);
        return toInstitution(after);
      });
    } catch (error) {
      throw this.translate(error, input.name);
    }
  }

  /** Replaces an institution's contacts with `contacts` (one statement each way); returns them as stored. */
  private async replaceContacts(
    m: EntityManager,
    institutionId: string,
    contacts: InstitutionContactInput[],
  ): Promise<InstitutionContact[]> {
    await m.query('DELETE FROM institution_contact WHERE institution_id = $1', [institutionId]);
    if (contacts.length === 0) return [];
    const rows = await m.query<InstitutionContactRow[]>(
      `INSERT INTO institution_contact (institution_id, position, name, title, phone, email)
       SELECT $1, c.position, c.name, c.title, c.phone, c.email
       FROM jsonb_to_recordset($2::jsonb) AS c(position smallint, name text, title text, phone text, email text)
       RETURNING *`,
      [
        institutionId,
        JSON.stringify(
          contacts.map((c, position) => ({
            position,
            name: c.name,
            title: c.title ?? null,
            phone: c.phone ?? null,
            email: c.email ?? null,
          })),
        ),
      ],
    );
    return rows.sort((a, b) => a.position - b.position).map(toInstitutionContact);
  }

  /** A name taken in the park (the unique index decides) is CONFLICT. */
  translate(error: unknown, name: string | undefined): unknown {
    if (pgError(error).code === PG_UNIQUE_VIOLATION) return PartnerErrors.institutionNameTaken(name ?? '');
    return error;
  }
}
