import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module.js';
import { AlertChannelsController } from './alert-channels.controller.js';
import { BudgetsController } from './budgets.controller.js';
import { CostAdminClient } from './cost-admin.client.js';
import { SpendController } from './spend.controller.js';

/** The admin API of the cost-service's data, forwarded over the bus: `/admin/budgets`, `/admin/spend`, `/admin/alert-channels`. */
@Module({
  imports: [AccessModule],
  controllers: [BudgetsController, SpendController, AlertChannelsController],
  providers: [CostAdminClient],
})
export class BudgetsApiModule {}
