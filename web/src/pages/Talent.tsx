import { Typography } from 'antd';
import type { Session } from '../auth/session';
import { useI18n } from '../i18n/i18n';

export default function Talent(_props: { session: Session }) {
  const { t } = useI18n();
  return <Typography.Title level={2}>{t('talent')}</Typography.Title>;
}
