import { DatePicker } from 'antd';
import dayjs from 'dayjs';

/** A date picker over ISO dates (`2024-02-01`), the API's `Date`. */
export function DateInput({
  value,
  onChange,
  label,
}: {
  value: string;
  onChange: (date: string) => void;
  label: string;
}) {
  return (
    <DatePicker
      aria-label={label}
      value={dayjs(value)}
      allowClear={false}
      onChange={(d) => d && onChange(d.format('YYYY-MM-DD'))}
      format="YYYY-MM-DD"
    />
  );
}

export const today = (): string => dayjs().format('YYYY-MM-DD');
