import { occupationGroups } from '@xinxue/domain';
import { Button, Col, Form, Radio, Row, Select } from 'antd';
import { shortDivisionName } from '../../divisions/prefix';
import { useGrids } from '../../grids/api/get-grids';
import type { PeopleFilter } from '../api/get-people';
import { DestinationSelect } from './destination-select';

interface Props {
  filter: PeopleFilter;
  onChange: (patch: Partial<PeopleFilter>) => void;
  onClear: () => void;
  /** Phone: one column in a drawer. */
  compact: boolean;
}

const occupationOptions = occupationGroups.map((g) => ({ value: g.code, label: g.name }));

/** Grids are offered once the area is a township or a village; above that there are thousands. */
export function gridArea(within: string | undefined): string | undefined {
  return within && within.length >= 9 ? within : undefined;
}

/** The filters beyond area and search; each change applies at once. */
export function PeopleFilterPanel({ filter, onChange, onClear, compact }: Props) {
  const area = gridArea(filter.within);
  const village = area?.length === 12;
  const grids = useGrids(area ?? '', Boolean(area));
  const span = compact ? 24 : 8;

  return (
    <Form layout="vertical" component="div" data-testid="people-filters">
      <Row gutter={16}>
        <Col span={span}>
          <Form.Item label="流动类型" htmlFor="filter-direction">
            <Radio.Group
              id="filter-direction"
              optionType="button"
              value={filter.direction ?? ''}
              onChange={(e) => onChange({ direction: (e.target.value as PeopleFilter['direction'] | '') || undefined })}
              options={[
                { value: '', label: '全部' },
                { value: 'inbound', label: '流入' },
                { value: 'outbound', label: '流出' },
              ]}
            />
          </Form.Item>
        </Col>
        <Col span={span}>
          <Form.Item label="五个清楚" htmlFor="filter-completeness">
            <Radio.Group
              id="filter-completeness"
              optionType="button"
              value={filter.completeness ?? ''}
              onChange={(e) => onChange({ completeness: (e.target.value as PeopleFilter['completeness'] | '') || undefined })}
              options={[
                { value: '', label: '全部' },
                { value: 'complete', label: '已清楚' },
                { value: 'incomplete', label: '未清楚' },
              ]}
            />
          </Form.Item>
        </Col>
        <Col span={span}>
          <Form.Item label="标记" htmlFor="filter-flag">
            <Radio.Group
              id="filter-flag"
              optionType="button"
              value={filter.flag ?? ''}
              onChange={(e) => onChange({ flag: (e.target.value as PeopleFilter['flag'] | '') || undefined })}
              options={[
                { value: '', label: '全部' },
                { value: 'talent', label: '优秀分子' },
                { value: 'target', label: '重点培养对象' },
              ]}
            />
          </Form.Item>
        </Col>
        <Col span={span}>
          <Form.Item label="网格" htmlFor="filter-grid" extra={area ? undefined : '先在上方选择乡镇（街道）或村（社区），再按网格筛选'}>
            <Select
              id="filter-grid"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              disabled={!area}
              loading={grids.isFetching}
              placeholder="全部网格"
              value={filter.gridId}
              onChange={(gridId: number | undefined) => onChange({ gridId })}
              options={(grids.data?.items ?? []).map((g) => ({ value: g.id, label: village ? g.name : `${shortDivisionName(g.divisionName)} ${g.name}` }))}
            />
          </Form.Item>
        </Col>
        <Col span={span}>
          <Form.Item label="流出去向（省、市）" htmlFor="filter-destination">
            <DestinationSelect id="filter-destination" value={filter.destination} onChange={(destination) => onChange({ destination })} />
          </Form.Item>
        </Col>
        <Col span={compact ? 24 : 16}>
          <Form.Item label="从事职业" htmlFor="filter-occupation">
            <Select
              id="filter-occupation"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="全部职业"
              value={filter.occupationGroup}
              onChange={(occupationGroup: string | undefined) => onChange({ occupationGroup })}
              options={occupationOptions}
            />
          </Form.Item>
        </Col>
      </Row>
      <Button onClick={onClear}>清除筛选</Button>
    </Form>
  );
}
