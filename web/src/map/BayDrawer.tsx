import { useState } from 'react';
import {
  Alert,
  Button,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  List,
  Select,
  Space,
  Spin,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { apiErrors, request } from '../api/client';
import { toFormErrors } from '../api/errors';
import { graphql } from '../gql';
import { useI18n } from '../i18n/i18n';

const BAY = graphql(`
  query ConsoleBay($parkCode: String!, $code: String!, $asOf: Date) {
    unit(parkCode: $parkCode, code: $code) {
      id
      code
      building
      floor
      floorArea
      status(asOf: $asOf)
      unleasableReason
      tenancies {
        id
        startsOn
        endsOn
        endReason
        stage(asOf: $asOf)
        nextStages
        enterprise {
          name
        }
        stageHistory {
          id
          stage
          effectiveOn
          note
        }
        contract(asOf: $asOf) {
          number
          status
          startsOn
          endsOn
          rate
          rentBasis
        }
      }
      machines(asOf: $asOf) {
        id
        serialNumber
        manufacturer
        model
      }
    }
  }
`);

const ADVANCE = graphql(`
  mutation ConsoleAdvance($input: AdvanceTenancyStageInput!) {
    advanceTenancyStage(input: $input) {
      id
    }
  }
`);

const END = graphql(`
  mutation ConsoleEndTenancy($input: EndTenancyInput!) {
    endTenancy(input: $input) {
      id
    }
  }
`);

/** What the drawer acts on; `stages`: the stages the tenancy may advance to (its nextStages without ENDED). */
type Action = { kind: 'advance' | 'end'; tenancyId: string; stages: string[] };

/** Advance a stage or end a tenancy; the API's field errors shown at the fields. */
function TenancyActionForm({ action, asOf, onDone }: { action: Action; asOf: string; onDone: () => void }) {
  const { t, te } = useI18n();
  const [form] = Form.useForm<{ stage?: string; on: Dayjs; text?: string }>();
  const [general, setGeneral] = useState<string[]>([]);
  const submit = async (values: { stage?: string; on: Dayjs; text?: string }) => {
    const on = values.on.format('YYYY-MM-DD');
    // The API's errors of the previous try go: each try shows its own.
    form.setFields(['stage', 'on', 'text'].map((name) => ({ name: name as never, errors: [] })));
    setGeneral([]);
    try {
      if (action.kind === 'advance') {
        await request(ADVANCE, {
          input: {
            tenancyId: action.tenancyId,
            stage: values.stage as 'OPERATING',
            effectiveOn: on,
            note: values.text || undefined,
          },
        });
      } else {
        await request(END, { input: { tenancyId: action.tenancyId, endsOn: on, reason: values.text ?? '' } });
      }
      onDone();
    } catch (error) {
      const fieldOf: Record<string, string> = {
        effectiveOn: 'on',
        endsOn: 'on',
        note: 'text',
        reason: 'text',
        stage: 'stage',
      };
      const mapped = toFormErrors(apiErrors(error), Object.keys(fieldOf));
      form.setFields(
        mapped.fields.map((f) => ({ name: fieldOf[String(f.name[0])] as never, errors: f.errors })),
      );
      setGeneral(mapped.general);
    }
  };
  return (
    <Form
      form={form}
      data-testid="tenancy-action"
      layout="vertical"
      initialValues={{ on: dayjs(asOf), stage: action.stages[0] }}
      onFinish={(v) => void submit(v)}
    >
      {action.kind === 'advance' && (
        <Form.Item label={t('stage')} name="stage">
          <Select
            options={action.stages.map((s) => ({
              value: s,
              label: te('TenancyStage', s),
            }))}
          />
        </Form.Item>
      )}
      <Form.Item
        label={t(action.kind === 'advance' ? 'effectiveOn' : 'endsOn')}
        name="on"
        rules={[{ required: true }]}
      >
        <DatePicker format="YYYY-MM-DD" allowClear={false} />
      </Form.Item>
      <Form.Item label={t(action.kind === 'advance' ? 'note' : 'reason')} name="text">
        <Input />
      </Form.Item>
      {general.length > 0 && <Alert type="error" role="alert" title={general.join(' · ')} />}
      <Button type="primary" htmlType="submit">
        {t(action.kind === 'advance' ? 'advance' : 'endTenancy')}
      </Button>
    </Form>
  );
}

/** The stages advanceTenancyStage may move to (ENDED goes through endTenancy). */
function advanceStages(next: readonly string[]): string[] {
  return next.filter((stage) => stage !== 'ENDED');
}

/** One bay: its tenancy timeline with stages and contract, its machines; leasing users can act on the tenancies. */
export function BayDrawer(props: {
  parkCode: string;
  code?: string;
  asOf: string;
  canLease: boolean;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t, te } = useI18n();
  const [action, setAction] = useState<Action>();
  const bay = useQuery({
    queryKey: ['bay', props.parkCode, props.code, props.asOf],
    queryFn: () => request(BAY, { parkCode: props.parkCode, code: props.code!, asOf: props.asOf }),
    enabled: Boolean(props.code),
  });
  const unit = bay.data?.unit;
  return (
    <Drawer
      open={Boolean(props.code)}
      onClose={props.onClose}
      title={`${t('bay')} ${props.code ?? ''}`}
      size="large"
    >
      {bay.error && <Alert type="error" title={String(bay.error)} />}
      {!unit ? (
        <Spin />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('status')}>{te('UnitStatus', unit.status)}</Descriptions.Item>
            <Descriptions.Item label={t('area')}>{unit.floorArea} m²</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={3}>{t('tenancies')}</Typography.Title>
          {unit.tenancies.map((tenancy) => (
            <div key={tenancy.id} data-testid="tenancy">
              <Space wrap>
                <strong>{tenancy.enterprise.name}</strong>
                <Tag>{te('TenancyStage', tenancy.stage ?? 'ENDED')}</Tag>
                <span>
                  {tenancy.startsOn} – {tenancy.endsOn ?? ''}
                </span>
                {/* Only the moves the API accepts from the tenancy's latest stage (Tenancy.nextStages). */}
                {props.canLease && advanceStages(tenancy.nextStages).length > 0 && (
                  <Button
                    size="small"
                    onClick={() =>
                      setAction({
                        kind: 'advance',
                        tenancyId: tenancy.id,
                        stages: advanceStages(tenancy.nextStages),
                      })
                    }
                  >
                    {t('advance')}
                  </Button>
                )}
                {props.canLease && tenancy.nextStages.includes('ENDED') && (
                  <Button
                    size="small"
                    danger
                    onClick={() => setAction({ kind: 'end', tenancyId: tenancy.id, stages: [] })}
                  >
                    {t('endTenancy')}
                  </Button>
                )}
              </Space>
              <Timeline
                style={{ marginTop: 12 }}
                items={tenancy.stageHistory.map((event) => ({
                  key: event.id,
                  content: `${event.effectiveOn ?? ''} ${te('TenancyStage', event.stage)}${event.note ? ` · ${event.note}` : ''}`,
                }))}
              />
              <Typography.Text>
                {t('contract')}:{' '}
                {tenancy.contract
                  ? `${tenancy.contract.number} (${tenancy.contract.startsOn} – ${tenancy.contract.endsOn}, ${tenancy.contract.rate} ${te('RentBasis', tenancy.contract.rentBasis)}, ${te('ContractStatus', tenancy.contract.status)})`
                  : t('noContract')}
              </Typography.Text>
              {action?.tenancyId === tenancy.id && (
                <div style={{ marginTop: 12 }}>
                  <TenancyActionForm
                    action={action}
                    asOf={props.asOf}
                    onDone={() => {
                      setAction(undefined);
                      void bay.refetch();
                      props.onChanged();
                    }}
                  />
                </div>
              )}
            </div>
          ))}
          <Typography.Title level={3}>{t('machines')}</Typography.Title>
          <List
            size="small"
            dataSource={unit.machines}
            renderItem={(m) => (
              <List.Item key={m.id}>{`${m.serialNumber} · ${m.manufacturer} ${m.model}`}</List.Item>
            )}
          />
        </Space>
      )}
    </Drawer>
  );
}
