import { Button, type ButtonProps } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** Opens the browser's print dialog; print.css lays the page out for paper and hides this button. */
export function PrintButton({
  children = 'Print',
  ...props
}: Omit<ButtonProps, 'children' | 'onClick'> & { children?: ReactNode }) {
  return (
    <Button
      variant="default"
      leftSection={<IconPrinter size={16} aria-hidden />}
      {...props}
      onClick={() => window.print()}
    >
      {children}
    </Button>
  );
}
