import { canImport, canManageUsers } from "../services/permissions.js";
import type { User } from "../services/types.js";

export interface NavItem {
  href: string;
  text: string;
  current?: boolean;
  active?: boolean;
}

/** The service navigation: what a role can use, with the section of the current page marked. */
export function navigationFor(user: User | null, path: string): NavItem[] {
  if (!user) return [];
  const items: NavItem[] = [
    { href: "/", text: "Dashboard" },
    { href: "/findings", text: "Findings" },
    { href: "/scrutiny", text: "Scrutiny questions" },
    { href: "/challenges", text: "Challenges" },
  ];
  if (canImport(user)) items.push({ href: "/imports/new", text: "Import a plan" });
  if (canManageUsers(user)) items.push({ href: "/admin/users", text: "Admin" });
  items.push({ href: "/account", text: "Your account" });
  return items.map((item) => {
    const section =
      item.href === "/admin/users" ? "/admin" : item.href === "/imports/new" ? "/imports" : item.href;
    const current = path === item.href;
    const active = !current && section !== "/" && path.startsWith(section);
    return { ...item, current, active };
  });
}
