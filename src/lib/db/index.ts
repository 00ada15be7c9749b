// The app's single database instance. Tests construct their own DashboardDB with a throwaway name.
import { DashboardDB } from './db.ts';

export const db = new DashboardDB();
