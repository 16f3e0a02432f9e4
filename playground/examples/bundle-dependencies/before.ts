// @ts-expect-error -- 'uuid' was installed as a devDependency and left out of the deployment package: the bug this example shows.
import { v4 as uuid } from 'uuid';

export const handler = async (event: { items: string[] }) => ({
  orderId: uuid(),
  items: event.items.length,
});
