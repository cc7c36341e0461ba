import { Container } from '@mantine/core';
import { ClientsPage } from '../../features/clients/components/clients-page';

/** "/w/:ws/clients" */
export function ClientsRoute() {
  return (
    <Container size="lg" py="xl">
      <title>Clients · Accord</title>
      <ClientsPage />
    </Container>
  );
}
