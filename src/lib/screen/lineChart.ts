// The trend page's line over its bars: ECharts' line chart, registered only where the wall needs it.
import { use } from 'echarts/core';
import { LineChart } from 'echarts/charts';

use([LineChart]);
