import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { APP_VERSION } from './version';

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Accord API')
    .setDescription(
      'The shared, signed-off IT responsibility matrix of an MSP and its clients. Errors have one shape: ' +
        '{ statusCode, error, message, details? }, where details names each bad field.',
    )
    .setVersion(APP_VERSION)
    .build();
  return SwaggerModule.createDocument(app, config, { operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}` });
}

/** The UI at /api/docs and the document at /api/docs-json. */
export function mountOpenApi(app: INestApplication): void {
  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'api/docs-json',
    customSiteTitle: 'Accord API',
  });
}
