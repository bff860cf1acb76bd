// OutcomesOverview: the dashboard's charts for the filters: funnel, monthly trends, levels, teams and practitioners.
import type { ReactNode } from 'react';
import type { ChartWithNumbers } from './chart-spec.ts';
import { ChartView } from './ChartView.tsx';
import {
  activityTrend,
  attendanceTrend,
  funnelChart,
  levelDistribution,
  practitionerChart,
  teamChart,
} from './dashboard-charts.ts';
import type { OutcomeSeries } from './outcome-types.ts';

function Panel({
  id,
  title,
  intro,
  chart,
}: {
  id: string;
  title: string;
  intro: ReactNode;
  chart: ChartWithNumbers;
}) {
  return (
    <section aria-labelledby={id} className="outcome-card">
      <h3 id={id}>{title}</h3>
      <p className="muted">{intro}</p>
      <ChartView {...chart} />
    </section>
  );
}

/** The series of the report as five or six charts, each with its numbers a click away. */
export function OutcomesOverview({ series }: { series: OutcomeSeries }) {
  return (
    <section aria-labelledby="outcome-overview" className="subsection">
      <h2 id="outcome-overview">Overview</h2>
      <Panel
        id="chart-funnel"
        title="From identification to intervention"
        intro="People at each step in the period, and each step as a share of the people in contact."
        chart={funnelChart(series.funnel)}
      />
      <Panel
        id="chart-activity"
        title="Assessments, overrides, level 4 and crisis events by month"
        intro="Decided harm assessments, the overrides and level 4 confirmations among them, and crisis events recorded."
        chart={activityTrend(series.months)}
      />
      <Panel
        id="chart-attendance"
        title="Appointments attended and not attended by month"
        intro="Appointments that were not cancelled, by the month they were for."
        chart={attendanceTrend(series.months)}
      />
      <Panel
        id="chart-levels"
        title="Level of need at first assessment by month"
        intro="People whose first decided harm assessment fell in the month, stacked by the level confirmed."
        chart={levelDistribution(series.months)}
      />
      {series.teams.length > 0 ? (
        <Panel
          id="chart-teams"
          title="Teams"
          intro="People in contact with each team; the numbers add assessments, overrides and attendance."
          chart={teamChart(series.teams)}
        />
      ) : null}
      {series.practitioners.length > 0 ? (
        <Panel
          id="chart-practitioners"
          title="Assessments decided by practitioner"
          intro="Decided harm assessments in the period by who decided them, with how many were overrides."
          chart={practitionerChart(series.practitioners)}
        />
      ) : null}
    </section>
  );
}
