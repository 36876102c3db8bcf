import { Card, PageHeader } from "~/components/ui";
import { consoleCategoryTree } from "~/lib/catalog";
import { getApi, requireStaff } from "~/server/viewer";
import { CategoryForm, CategoryTree } from "./category-tree";

export const metadata = { title: "Categories" };

export default async function CategoriesPage() {
  await requireStaff();
  // Every category, archived ones included, with all its languages: the manager edits them all.
  const categories = consoleCategoryTree(await (await getApi()).adminCatalog.categories());
  return (
    <div className="space-y-6">
      <PageHeader
        title="Categories"
        description="The storefront's category tree. Products are listed in leaf categories; archived categories are hidden from shoppers."
      />
      <Card title="New root category">
        <CategoryForm />
      </Card>
      <CategoryTree categories={categories} />
    </div>
  );
}
