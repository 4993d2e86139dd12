import { Alert, Skeleton } from 'antd';
import { useMemo } from 'react';
import { BarChart } from '../../../components/chart';
import type { DivisionDetail } from '../../divisions/api/get-division';
import { divisionPrefixOf, shortDivisionName } from '../../divisions/prefix';
import type { HomeOverview } from '../../home/api/get-home';
import { GRID_LIST_LIMIT, type Grid } from '../api/get-grids';

interface Props {
  division: DivisionDetail;
  /** The loaded grid list, when the level is small enough to list. */
  grids: Grid[] | undefined;
  /** Exact server-side counts, available at the user's own scope. */
  overview: HomeOverview['byChild'] | undefined;
  onDrill: (prefix: string) => void;
}

/** Grids per next-level division; a click drills down. */
export function GridsByChildChart({ division, grids, overview, onDrill }: Props) {
  const counts = useMemo(() => {
    if (overview) {
      const byCode = new Map(overview.map((c) => [c.code, c.grids]));
      return division.children.map((c) => byCode.get(c.code) ?? 0);
    }
    // A list cut off at the server's limit would undercount the last divisions.
    if (!grids || grids.length >= GRID_LIST_LIMIT) return null;
    const prefixes = division.children.map((c) => divisionPrefixOf(c.code));
    const result = prefixes.map(() => 0);
    for (const grid of grids) {
      const index = prefixes.findIndex((p) => grid.divisionCode.startsWith(p));
      if (index >= 0) result[index]! += 1;
    }
    return result;
  }, [division, grids, overview]);

  if (!counts) {
    return grids && grids.length >= GRID_LIST_LIMIT ? (
      <Alert type="info" showIcon title="网格数量较多，无法在此统计，请选择下级区划" />
    ) : (
      <Skeleton active />
    );
  }
  return (
    <BarChart
      testId="grids-chart"
      categories={division.children.map((c) => shortDivisionName(c.name))}
      series={[{ name: '网格', data: counts }]}
      onCategoryClick={(index) => {
        const child = division.children[index];
        if (child) onDrill(divisionPrefixOf(child.code));
      }}
    />
  );
}
