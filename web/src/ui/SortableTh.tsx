import { Group, Table, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconSelector } from '@tabler/icons-react';
import type { ReactNode } from 'react';

interface Props {
  children: ReactNode;
  active: boolean;
  order: 'asc' | 'desc';
  onSort: () => void;
  width?: number | string;
}

export function SortableTh({ children, active, order, onSort, width }: Props) {
  const Icon = active ? (order === 'asc' ? IconChevronUp : IconChevronDown) : IconSelector;
  return (
    <Table.Th w={width} aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : 'none'} p={0}>
      <UnstyledButton onClick={onSort} px="sm" py={8} w="100%">
        <Group gap={4} wrap="nowrap">
          <Text size="xs" fw={600} c={active ? undefined : 'dimmed'} tt="uppercase" style={{ whiteSpace: 'nowrap' }}>
            {children}
          </Text>
          <Icon size={13} stroke={1.8} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

export function PlainTh({ children, width }: { children: ReactNode; width?: number | string }) {
  return (
    <Table.Th w={width}>
      <Text size="xs" fw={600} c="dimmed" tt="uppercase" style={{ whiteSpace: 'nowrap' }}>
        {children}
      </Text>
    </Table.Th>
  );
}
