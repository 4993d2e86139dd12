import { Menu } from 'antd';
import { useNavigate } from 'react-router';
import { useMenuItems } from './use-menu-items';

export function SideMenu({ onNavigate }: { onNavigate?: () => void }) {
  const navigate = useNavigate();
  const { items, selectedKey } = useMenuItems();
  return (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={[selectedKey]}
      style={{ borderInlineEnd: 'none' }}
      onClick={({ key }) => {
        // External links (API docs) open themselves through their <a>.
        if (!key.startsWith('/api/')) void navigate(key);
        onNavigate?.();
      }}
    />
  );
}
