import { render } from 'preact';
import '../ui/theme.css';

// The options page is built by the monitoring issue (#6); until then it says so.
render(<main style={{ padding: '16px' }}>Settings are coming in the next version.</main>, document.getElementById('root')!);
