import { useMemo, useState } from 'react';
import { Alert, Button, Card, Select, Space, Spin, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { can } from '../auth/access';
import type { Session } from '../auth/session';
import { DateInput, today } from '../components/DateInput';
import { EnterpriseSelect } from '../components/EnterpriseSelect';
import { useParks } from '../components/parks';
import { useUrlState } from '../components/url-state';
import { useI18n } from '../i18n/i18n';
import { BayDrawer } from '../map/BayDrawer';
import { fetchBays, type Bay } from '../map/bays';
import { layoutBays, STATUS_COLOURS } from '../map/layout';
import { LeaseForm } from '../map/LeaseForm';

/** 租控表: a zone's bays by building and floor, coloured by status on the chosen date. */
export default function BayMap({ session }: { session: Session }) {
  const { t, te, lang } = useI18n();
  const queryClient = useQueryClient();
  const parks = useParks();
  const park = parks.data?.parks[0];
  const [zoneCode, setZoneCode] = useUrlState('zone');
  const zone = zoneCode ?? park?.zones[0]?.code;
  const [asOf, setAsOf] = useUrlState('asOf', today());
  const [enterpriseId, setEnterpriseId] = useState<string>();
  const [selecting, setSelecting] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const [leasing, setLeasing] = useState(false);
  const [opened, setOpened] = useState<string>();
  const canLease = can(session.roles, 'lease');
  const bays = useQuery({
    queryKey: ['bays', park?.code, zone, asOf],
    queryFn: () => fetchBays(park!.code, zone!, asOf),
    enabled: Boolean(park && zone),
  });
  const layout = useMemo(() => layoutBays<Bay>(bays.data ?? []), [bays.data]);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['bays'] });
  const clickBay = (bay: Bay) => {
    if (!selecting) return setOpened(bay.code);
    setSelected((s) => (s.includes(bay.code) ? s.filter((c) => c !== bay.code) : [...s, bay.code]));
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={2}>{t('bays')}</Typography.Title>
      <Space wrap>
        <Select
          aria-label={t('zone')}
          style={{ minWidth: 220 }}
          value={zone}
          onChange={setZoneCode}
          options={(park?.zones ?? []).map((z) => ({
            value: z.code,
            label: lang === 'en' ? (z.nameEn ?? z.name) : z.name,
          }))}
        />
        <DateInput value={asOf} onChange={setAsOf} label={t('asOf')} />
        <EnterpriseSelect
          label={t('enterprise')}
          parkCode={park?.code}
          allowClear
          placeholder={t('allEnterprises')}
          value={enterpriseId}
          onChange={setEnterpriseId}
        />
        {canLease && (
          <>
            <Button
              data-testid="lease-mode"
              type={selecting ? 'primary' : 'default'}
              onClick={() => {
                setSelecting(!selecting);
                setSelected([]);
              }}
            >
              {selecting ? t('cancel') : t('lease')}
            </Button>
            {selecting && (
              <Button type="primary" disabled={!selected.length} onClick={() => setLeasing(true)}>
                {t('leaseSelected')} ({selected.length})
              </Button>
            )}
          </>
        )}
      </Space>
      <Space wrap data-testid="legend">
        {Object.entries(STATUS_COLOURS).map(([status, colour]) => (
          <Tag key={status} color={colour} style={{ color: '#000' }}>
            {te('UnitStatus', status)} {layout.counts[status] ?? 0}
          </Tag>
        ))}
        <span data-testid="bay-total">
          {t('total')} {layout.total} · {Math.round(layout.totalArea)} m²
        </span>
      </Space>
      {selecting && <Alert type="info" title={t('selectBays')} />}
      {bays.error && <Alert type="error" title={String(bays.error)} />}
      {bays.isLoading && <Spin />}
      {layout.buildings.map((building) => (
        <Card key={building.building ?? '-'} title={building.building ?? '—'} size="small">
          {building.floors.map((floor) => (
            <div key={floor.floor ?? '-'} style={{ display: 'flex', gap: 8, marginBottom: 8 }}>
              <div style={{ width: 48, flex: 'none', fontWeight: 600 }}>{floor.floor ?? '—'}F</div>
              <div role="list" style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }}>
                {floor.cells.map((bay) => {
                  const picked = selected.includes(bay.code);
                  const match = Boolean(enterpriseId) && bay.enterpriseId === enterpriseId;
                  return (
                    <div role="listitem" key={bay.id}>
                      <button
                        type="button"
                        className="bay"
                        data-code={bay.code}
                        data-status={bay.status}
                        data-match={match ? 'true' : undefined}
                        aria-pressed={selecting ? picked : undefined}
                        title={`${bay.code} · ${te('UnitStatus', bay.status)} · ${bay.floorArea} m²${bay.enterpriseName ? ` · ${bay.enterpriseName}` : ''}`}
                        onClick={() => clickBay(bay)}
                        style={{
                          width: 76,
                          height: 52,
                          padding: 2,
                          fontSize: 11,
                          lineHeight: '14px',
                          cursor: 'pointer',
                          color: '#000',
                          background: STATUS_COLOURS[bay.status],
                          border: picked || match ? '3px solid #8c3b2e' : '1px solid #8c8c8c',
                          borderRadius: 4,
                        }}
                      >
                        <div>{bay.code}</div>
                        <div>{bay.floorArea} m²</div>
                      </button>
                    </div>
                  );
                })}
              </div>
            </div>
          ))}
        </Card>
      ))}
      {park && (
        <LeaseForm
          open={leasing}
          parkCode={park.code}
          unitCodes={selected}
          allCodes={(bays.data ?? []).map((b) => b.code)}
          startsOn={asOf}
          onClose={() => setLeasing(false)}
          onLeased={() => {
            setLeasing(false);
            setSelecting(false);
            setSelected([]);
            refresh();
          }}
        />
      )}
      {park && (
        <BayDrawer
          parkCode={park.code}
          code={opened}
          asOf={asOf}
          canLease={canLease}
          onClose={() => setOpened(undefined)}
          onChanged={refresh}
        />
      )}
    </Space>
  );
}
