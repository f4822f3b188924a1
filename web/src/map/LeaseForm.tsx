import { useEffect, useState } from 'react';
import { Alert, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { apiErrors, request } from '../api/client';
import { toFormErrors } from '../api/errors';
import { EnterpriseSelect } from '../components/EnterpriseSelect';
import { graphql } from '../gql';
import { useI18n } from '../i18n/i18n';

const LEASE = graphql(`
  mutation ConsoleLease($input: LeaseUnitsInput!) {
    leaseUnits(input: $input) {
      id
      unit {
        code
      }
    }
  }
`);

const FIELDS = ['unitCodes', 'enterpriseId', 'startsOn', 'stage', 'note'];

interface Values {
  unitCodes: string[];
  enterpriseId?: string;
  startsOn: Dayjs;
  stage: string;
  note?: string;
}

/**
 * Lease bays picked on the map to an enterprise found by name. The API decides: its BAD_USER_INPUT fields appear at
 * the form's fields, a CONFLICT at the bays with the holder it names.
 */
export function LeaseForm(props: {
  open: boolean;
  parkCode: string;
  unitCodes: string[];
  allCodes: string[];
  startsOn: string;
  onClose: () => void;
  onLeased: () => void;
}) {
  const { t, te } = useI18n();
  const [form] = Form.useForm<Values>();
  const [general, setGeneral] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (props.open) {
      form.setFieldsValue({ unitCodes: props.unitCodes, startsOn: dayjs(props.startsOn), stage: 'RESERVED' });
      setGeneral([]);
    }
  }, [props.open, props.unitCodes, props.startsOn, form]);
  const submit = async (values: Values) => {
    setBusy(true);
    setGeneral([]);
    // The API's errors of the previous try go: each try shows its own.
    form.setFields(FIELDS.map((name) => ({ name: name as never, errors: [] })));
    try {
      await request(LEASE, {
        input: {
          parkCode: props.parkCode,
          unitCodes: values.unitCodes,
          enterpriseId: values.enterpriseId,
          startsOn: values.startsOn.format('YYYY-MM-DD'),
          stage: values.stage as 'RESERVED',
          note: values.note || undefined,
        },
      });
      props.onLeased();
    } catch (error) {
      const mapped = toFormErrors(apiErrors(error), FIELDS);
      form.setFields(mapped.fields.map((f) => ({ name: f.name as never, errors: f.errors })));
      setGeneral(
        mapped.conflict?.holder
          ? [`${t('heldBy')}: ${mapped.conflict.holder}`, ...mapped.general]
          : mapped.general,
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={props.open}
      title={t('lease')}
      onCancel={props.onClose}
      okText={t('submit')}
      cancelText={t('cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'lease-form', loading: busy }}
      destroyOnHidden
    >
      <Form form={form} id="lease-form" layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item label={t('unitCodes')} name="unitCodes" rules={[{ required: true }]}>
          <Select mode="multiple" options={props.allCodes.map((code) => ({ value: code, label: code }))} />
        </Form.Item>
        <Form.Item label={t('enterprise')} name="enterpriseId" rules={[{ required: true }]}>
          <EnterpriseSelect parkCode={props.parkCode} label={t('enterprise')} />
        </Form.Item>
        <Form.Item label={t('startsOn')} name="startsOn" rules={[{ required: true }]}>
          <DatePicker format="YYYY-MM-DD" allowClear={false} />
        </Form.Item>
        <Form.Item label={t('stage')} name="stage">
          <Select
            options={(['RESERVED', 'FITTING_OUT', 'OPERATING'] as const).map((s) => ({
              value: s,
              label: te('TenancyStage', s),
            }))}
          />
        </Form.Item>
        <Form.Item label={t('note')} name="note">
          <Input.TextArea rows={2} />
        </Form.Item>
        {general.length > 0 && <Alert type="error" role="alert" title={general.join(' · ')} />}
      </Form>
    </Modal>
  );
}
