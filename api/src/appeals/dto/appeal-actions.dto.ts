import { appealWorkflow } from '@adaldesk/libs';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsUUID, ValidateIf } from 'class-validator';
import { stepBodies } from '../../core/workflow/step-dto.js';

/** The body each workflow step takes, built from the fields `appealWorkflow` declares in libs. */
export const ACTION_BODIES = stepBodies(appealWorkflow);

export class BulkAssignDto {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true, message: 'must list appeal ids (UUIDs)' })
  ids: string[];

  @ValidateIf((_, v) => v !== null)
  @IsUUID('all', { message: 'must be a user id (UUID), or null to unassign' })
  assigneeId: string | null;
}
