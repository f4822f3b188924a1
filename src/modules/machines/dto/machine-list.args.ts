import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { SortDirection } from '../../../common/pagination/connection';
import { PageArgs } from '../../../common/pagination/page-args';
import { MachineOrderField, MachineStatus, MachineType } from '../machine.enums';

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

@InputType({ description: 'How to sort machines; ties are broken by id.' })
export class MachineOrder {
  @Field(() => MachineOrderField, { description: 'Sort key.' })
  @IsEnum(MachineOrderField)
  field: MachineOrderField;

  @Field(() => SortDirection, { nullable: true, defaultValue: SortDirection.ASC, description: 'Direction.' })
  @IsEnum(SortDirection)
  direction: SortDirection = SortDirection.ASC;
}

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
