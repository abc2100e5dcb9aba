import { Skeleton, Stack } from '@mantine/core';

export function PageSkeleton({ rows = 6 }: { rows?: number }) {
  return (
    <Stack gap="sm" data-testid="page-skeleton">
      <Skeleton h={28} w={240} />
      <Skeleton h={16} w={420} mb="md" />
      {Array.from({ length: rows }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
        <Skeleton key={i} h={36} />
      ))}
    </Stack>
  );
}

export function TableSkeletonRows({ columns, rows = 8 }: { columns: number; rows?: number }) {
  return (
    <>
      {Array.from({ length: rows }, (_, r) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
        <tr key={r}>
          {Array.from({ length: columns }, (_, c) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
            <td key={c} style={{ padding: '10px 12px' }}>
              <Skeleton h={14} />
            </td>
          ))}
        </tr>
      ))}
    </>
  );
}
