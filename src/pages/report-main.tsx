import { render } from 'preact';
import '../ui/theme.css';
import './pages.css';
import { ReportPage } from './report-page';

render(<ReportPage />, document.getElementById('root')!);
