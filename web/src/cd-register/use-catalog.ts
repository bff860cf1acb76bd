// useCatalog: the register's products and stock locations, looked up by id, for labels and quantities.
import { useMemo } from 'react';
import type { ApiError } from '../api/api-error.ts';
import { useApiData } from '../api/use-api-data.ts';
import type { LocationView, ProductView } from './cd-types.ts';

export interface Catalog {
  products: readonly ProductView[];
  locations: readonly LocationView[];
  product: (id: string) => ProductView | undefined;
  location: (id: string) => LocationView | undefined;
  loaded: boolean;
  error: ApiError | null;
  reload: () => void;
}

/** Loads GET /cd-register/products and /cd-register/locations. */
export function useCatalog(): Catalog {
  const products = useApiData<{ products: ProductView[] }>('/cd-register/products');
  const locations = useApiData<{ locations: LocationView[] }>('/cd-register/locations');
  const { reload: reloadProducts } = products;
  const { reload: reloadLocations } = locations;
  return useMemo(() => {
    const productList = products.data?.products ?? [];
    const locationList = locations.data?.locations ?? [];
    return {
      products: productList,
      locations: locationList,
      product: (id: string) => productList.find((p) => p.id === id),
      location: (id: string) => locationList.find((l) => l.id === id),
      loaded: products.data !== null && locations.data !== null,
      error: products.error ?? locations.error,
      reload: () => {
        reloadProducts();
        reloadLocations();
      },
    };
  }, [products.data, locations.data, products.error, locations.error, reloadProducts, reloadLocations]);
}
