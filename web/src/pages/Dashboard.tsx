import { useMemo } from 'react';
import { Alert, Card, Col, Row, Select, Space, Spin, Statistic, Tag, Tooltip, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { request } from '../api/client';
import { can } from '../auth/access';
import type { Session } from '../auth/session';
import { EChart } from '../charts/EChart';
import { DateInput, today } from '../components/DateInput';
import { useParks } from '../components/parks';
import { useUrlState } from '../components/url-state';
import { graphql } from '../gql';
import { useI18n } from '../i18n/i18n';

const OVERVIEW = graphql(`
  query ConsoleOverview(
    $parkCode: String!
    $zoneCode: String
    $asOf: Date!
    $from: Date!
    $talent: Boolean!
    $finance: Boolean!
  ) {
    parkOverview(parkCode: $parkCode, zoneCode: $zoneCode, asOf: $asOf) {
      asOf
      totalUnits
      occupiedUnits
      occupiedEnterprises
      operatingUnits
      vacantUnits
      occupancy {
        percent
        numerator
        denominator
        definition
      }
      occupancyByArea {
        percent
        numerator
        denominator
        definition
      }
      installedMachines
      partners {
        industryEducationPartners
      }
      talent @include(if: $talent) {
        traineesEnrolled
      }
      rent @include(if: $finance) {
        contractedMonthlyRent
        arrears
        collectionRate {
          percent
        }
      }
    }
    trendByUnits: occupancyTrend(
      parkCode: $parkCode
      zoneCode: $zoneCode
      from: $from
      to: $asOf
      basis: UNIT_COUNT
    ) {
      date
      occupancy {
        percent
      }
    }
    trendByArea: occupancyTrend(
      parkCode: $parkCode
      zoneCode: $zoneCode
      from: $from
      to: $asOf
      basis: AREA
    ) {
      date
      occupancy {
        percent
      }
    }
  }
`);

/** The park's figures on a date: both occupancy bases (definitions on hover), the trend, other modules' figures. */
export default function Dashboard({ session }: { session: Session }) {
  const { t, lang } = useI18n();
  const parks = useParks();
  const park = parks.data?.parks[0];
  const [asOf, setAsOf] = useUrlState('asOf', today());
  const [zoneCode, setZoneCode] = useUrlState('zone');
  // No zone in the URL: the park's first zone; `all` is the whole park.
  const zone = zoneCode === 'all' ? undefined : (zoneCode ?? park?.zones[0]?.code);
  const variables = {
    parkCode: park?.code ?? '',
    zoneCode: zone,
    asOf,
    from: dayjs(asOf).subtract(23, 'month').startOf('month').format('YYYY-MM-DD'),
    talent: can(session.roles, 'readTalent'),
    finance: can(session.roles, 'readFinance'),
  };
  const overview = useQuery({
    queryKey: ['overview', variables],
    queryFn: () => request(OVERVIEW, variables),
    enabled: Boolean(park),
  });
  const data = overview.data;
  const trend = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 16, top: 40, bottom: 24 },
      legend: { top: 0 },
      // Two lines that read apart in colour and in stroke (the area basis dashed).
      color: ['#8c3b2e', '#1d5fa8'],
      xAxis: { type: 'category', data: data?.trendByUnits.map((p) => p.date.slice(0, 7)) ?? [] },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      // Both bases, as on the figure cards: by bay count and by floor area (the points share their month ends).
      series: [
        { name: t('occupancyUnits'), points: data?.trendByUnits },
        { name: t('occupancyArea'), points: data?.trendByArea },
      ].map(({ name, points }, i) => ({
        type: 'line',
        name,
        lineStyle: { type: i === 0 ? 'solid' : 'dashed' },
        data: points?.map((p) => Number(p.occupancy.percent)) ?? [],
      })),
    }),
    [data, t],
  );
  const o = data?.parkOverview;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={2}>{t('dashboard')}</Typography.Title>
      <Space wrap>
        <span>{t('asOf')}</span>
        <DateInput value={asOf} onChange={setAsOf} label={t('asOf')} />
        <Select
          aria-label={t('zone')}
          style={{ minWidth: 220 }}
          value={zone ?? 'all'}
          onChange={(value) => setZoneCode(value)}
          options={[
            ...(park?.zones ?? []).map((z) => ({
              value: z.code,
              label: lang === 'en' ? (z.nameEn ?? z.name) : z.name,
            })),
            { value: 'all', label: t('allZones') },
          ]}
        />
      </Space>
      {overview.error && <Alert type="error" title={String(overview.error)} />}
      {!o ? (
        <Spin />
      ) : (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={24} md={6}>
              <Card>
                <Tooltip title={o.occupancy.definition}>
                  <div data-testid="occupancy-units" tabIndex={0}>
                    <Statistic title={t('occupancyUnits')} value={o.occupancy.percent} suffix="%" />
                  </div>
                </Tooltip>
                <Typography.Text type="secondary">
                  {o.occupancy.numerator} / {o.occupancy.denominator}
                </Typography.Text>
              </Card>
            </Col>
            <Col xs={24} md={6}>
              <Card>
                <Tooltip title={o.occupancyByArea.definition}>
                  <div data-testid="occupancy-area" tabIndex={0}>
                    <Statistic title={t('occupancyArea')} value={o.occupancyByArea.percent} suffix="%" />
                  </div>
                </Tooltip>
                <Typography.Text type="secondary">
                  {o.occupancyByArea.numerator} / {o.occupancyByArea.denominator} m²
                </Typography.Text>
              </Card>
            </Col>
            <Col xs={12} md={4}>
              <Card data-testid="occupied-units">
                <Statistic title={t('occupiedUnits')} value={o.occupiedUnits} suffix={`/ ${o.totalUnits}`} />
              </Card>
            </Col>
            <Col xs={12} md={4}>
              <Card>
                <Statistic title={t('operatingUnits')} value={o.operatingUnits} />
              </Card>
            </Col>
            <Col xs={12} md={4}>
              <Card>
                <Statistic title={t('occupiedEnterprises')} value={o.occupiedEnterprises} />
              </Card>
            </Col>
          </Row>
          <Card
            title={t('trend')}
            extra={
              <Space>
                {/* The definitions of the two series, on hover as on the figure cards above. */}
                <Tooltip title={o.occupancy.definition}>
                  <Tag data-testid="trend-definition-units" tabIndex={0}>
                    {t('trendByUnits')}
                  </Tag>
                </Tooltip>
                <Tooltip title={o.occupancyByArea.definition}>
                  <Tag data-testid="trend-definition-area" tabIndex={0}>
                    {t('trendByArea')}
                  </Tag>
                </Tooltip>
              </Space>
            }
          >
            <EChart option={trend} label={`${t('trend')}: ${t('occupancyUnits')}, ${t('occupancyArea')}`} />
          </Card>
          <Row gutter={[16, 16]}>
            <Col xs={12} md={6}>
              <Card>
                <Statistic title={t('installedMachines')} value={o.installedMachines} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card>
                <Statistic title={t('partnersCount')} value={o.partners.industryEducationPartners} />
              </Card>
            </Col>
            {o.talent && (
              <Col xs={12} md={6}>
                <Card>
                  <Statistic title={t('traineesEnrolled')} value={o.talent.traineesEnrolled} />
                </Card>
              </Col>
            )}
            {o.rent && (
              <Col xs={12} md={6}>
                <Card>
                  <Statistic title={t('rent')} value={o.rent.contractedMonthlyRent} />
                  <Typography.Text type="secondary">
                    {t('arrears')} {o.rent.arrears} · {t('collectionRate')} {o.rent.collectionRate.percent}%
                  </Typography.Text>
                </Card>
              </Col>
            )}
          </Row>
        </>
      )}
    </Space>
  );
}
