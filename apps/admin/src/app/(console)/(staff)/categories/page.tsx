import { Card, PageHeader } from "~/components/ui";
import { flattenTree } from "~/lib/catalog";
import { getApi, requireStaff } from "~/server/viewer";
import { CategoryForm, CategoryTree } from "./category-tree";

export const metadata = { title: "Categories" };

export default async function CategoriesPage() {
  await requireStaff();
  const tree = await (await getApi()).catalog.categoryTree({ locale: "en" });
  const flat = flattenTree(tree);
  return (
    <div className="space-y-6">
      <PageHeader title="Categories" description="The storefront's category tree. Products are listed in leaf categories." />
      <Card title="New root category">
        <CategoryForm />
      </Card>
      <CategoryTree categories={flat} />
    </div>
  );
}
