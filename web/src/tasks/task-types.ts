// Task list shapes, taken from the server's reply schemas.
import type { z } from 'zod';
import type { taskReply, tasksReply } from '../../../src/schemas/replies/tasks.ts';

/** One task, with its patient's name joined by the server. */
export type Task = z.output<typeof taskReply>;

/** GET /tasks?scope=. */
export type TaskList = z.output<typeof tasksReply>;
