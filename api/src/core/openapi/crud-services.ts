import type { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { CrudService } from '../crud/crud.service.js';

type AnyCrudService = CrudService<{ id: string }>;

/** Every CRUD service the application runs, whichever module provides it. */
export function crudServices(app: INestApplication): AnyCrudService[] {
  const found = new Set<AnyCrudService>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const provider of module.providers.values()) {
      if (provider.instance instanceof CrudService) found.add(provider.instance as AnyCrudService);
    }
  }
  return [...found];
}
