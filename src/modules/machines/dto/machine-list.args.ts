import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { PageArgs } from '../../../common/pagination/page-args';
import { MachineOrderField, MachineStatus, MachineType } from '../machine.enums';
import { OrderInput, OrderInputType } from '../../../common/pagination/order-input';

@InputType({
  description: 'Which machines to list. All conditions must hold; places and statuses are as of asOf.',
})
export class MachineFilter {
  @Field(() => String, { nullable: true, description: 'Only machines of this park.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  parkCode?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Only machines placed in a unit of this zone (zone code).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  zoneCode?: string;

  @Field(() => ID, { nullable: true, description: 'Only machines of this owner enterprise.' })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @Field(() => String, { nullable: true, description: 'Only machines placed in this unit (unit code).' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  unitCode?: string;

  @Field(() => MachineType, { nullable: true, description: 'Only machines of this type.' })
  @IsOptional()
  @IsEnum(MachineType)
  type?: MachineType;

  @Field(() => MachineStatus, {
    nullable: true,
    description: 'Only machines in this status at the end of asOf.',
  })
  @IsOptional()
  @IsEnum(MachineStatus)
  status?: MachineStatus;
}

export const MachineOrder = OrderInputType('MachineOrder', MachineOrderField, 'machines');
export type MachineOrder = OrderInput<MachineOrderField>;

@ArgsType()
export class MachineListArgs extends PageArgs {
  @Field(() => MachineFilter, { nullable: true, description: 'Which machines.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MachineFilter)
  filter?: MachineFilter;

  @Field(() => MachineOrder, {
    nullable: true,
    description: 'Sort order (default: serial number ascending).',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => MachineOrder)
  orderBy?: MachineOrder;
}
